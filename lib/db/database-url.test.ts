import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("selects PostgreSQL for postgresql:// URLs", () => {
    expect(parseDatabaseUrl("postgresql://u@h:5432/db")).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/db" });
  });

  it("resolves SQLite paths against the repo root, keeping absolute ones", () => {
    expect(parseDatabaseUrl("file:./data/app.db", "/repo")).toEqual({ kind: "sqlite", file: "/repo/data/app.db" });
    expect(parseDatabaseUrl("file:/var/lib/app.db", "/repo")).toEqual({ kind: "sqlite", file: "/var/lib/app.db" });
  });

  it("rejects anything else rather than guess", () => {
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/must start with/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/names no file/);
  });
});
