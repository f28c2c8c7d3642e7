import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

const key = "a".repeat(64);
const secret = "s".repeat(40);

describe("loadConfig", () => {
  it("defaults to SQLite under data/ and port 3000", () => {
    const cfg = loadConfig({ AUTH_SECRET: secret, APP_ENCRYPTION_KEY: key });
    expect(cfg.dialect).toBe("sqlite");
    expect(cfg.databaseUrl).toMatch(/^file:.*data\/app\.db$/);
    expect(cfg.port).toBe(3000);
    expect(cfg.appUrl).toBe("http://localhost:3000");
    expect(cfg.encryptionKey).toHaveLength(32);
  });

  it("switches to PostgreSQL and honours PORT and APP_URL", () => {
    const cfg = loadConfig({ DATABASE_URL: "postgresql://u@h/db", PORT: "4000", APP_URL: "https://sms.example.com/", AUTH_SECRET: secret, APP_ENCRYPTION_KEY: key });
    expect(cfg).toMatchObject({ dialect: "postgres", port: 4000, appUrl: "https://sms.example.com" });
  });

  it("refuses to generate keys on PostgreSQL", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u@h/db" })).toThrow(/must be set/);
  });

  it("lists every invalid variable", () => {
    try {
      loadConfig({ DATABASE_URL: "mysql://x", PORT: "abc", APP_ENCRYPTION_KEY: "short" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/DATABASE_URL[\s\S]*PORT[\s\S]*APP_ENCRYPTION_KEY/);
    }
  });
});
