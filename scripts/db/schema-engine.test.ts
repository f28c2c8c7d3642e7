/**
 * The wasm engine as the drift check and the migration generator use it. The "column added to the schema"
 * cases prove the drift check can fail: they are what CI sees when someone edits schema.prisma without
 * running `npm run db:migration`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/db/migrate";
import { readMigrations } from "../../lib/db/migration-files";
import { createPgDatabase, dropPgDatabase, pgUrlFor } from "./pg-databases";
import { derivePostgresSchema, DERIVED, SOURCE } from "./postgres-schema";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "./schema-engine";
import { fixSqliteJsonDefaults } from "./sqlite-json-defaults";

const sqliteSchema = readFileSync(SOURCE, "utf8");
const postgresSchema = readFileSync(DERIVED, "utf8");

/** The schema with one more column on Contact, as if edited without a migration. */
const withExtraColumn = (schema: string) => schema.replace(/(model Contact \{\n)/, "$1  nickname String?\n");

const tmp = mkdtempSync(path.join(tmpdir(), "smscm-engine-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("derived PostgreSQL schema", () => {
  it("is committed up to date and differs only in provider and client output", () => {
    expect(postgresSchema).toBe(derivePostgresSchema(sqliteSchema));
    expect(postgresSchema).toContain('provider = "postgresql"');
    expect(postgresSchema).toContain('output   = "../../lib/db/generated/postgres"');
  });
});

describe("schema engine on SQLite", () => {
  it("finds no drift between the migrated database and the schema", async () => {
    const url = `file:${path.join(tmp, "clean.db")}`;
    await applyMigrations(url);
    expect(await diffDatabaseToSchema("sqlite", url, sqliteSchema)).toBe("");
  });

  it("reports a column added to the schema without a migration", async () => {
    const url = `file:${path.join(tmp, "drift.db")}`;
    await applyMigrations(url);
    expect(await diffDatabaseToSchema("sqlite", url, withExtraColumn(sqliteSchema))).toMatch(/ADD COLUMN "nickname" TEXT/);
  });

  it("generates only the missing step on top of the committed migrations", async () => {
    const sql = await diffMigrationsToSchema("sqlite", readMigrations("sqlite"), withExtraColumn(sqliteSchema), "file::memory:");
    expect(sql).toMatch(/ALTER TABLE "Contact" ADD COLUMN "nickname" TEXT/);
    expect(sql).not.toMatch(/CREATE TABLE "User"/);
  });

  it("still needs the Json default work-around, and the fixed script runs", async () => {
    const raw = await diffMigrationsToSchema("sqlite", [], sqliteSchema, "file::memory:");
    expect(raw).toMatch(/DEFAULT \{\}/);
    const execOnFreshDb = (sql: string) => () => new Database(":memory:").exec(sql).close();
    expect(execOnFreshDb(raw)).toThrow(/unrecognized token/);
    expect(execOnFreshDb(fixSqliteJsonDefaults(raw))).not.toThrow();
  });
});

const server = process.env.TEST_POSTGRES_URL;

describe.runIf(server)("schema engine on PostgreSQL", () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const name of databases) await dropPgDatabase(server!, name);
  });

  it("finds no drift after the migrations, and reports a column added to the schema", async () => {
    const name = await createPgDatabase(server!, "test");
    databases.push(name);
    const url = pgUrlFor(server!, name);
    await applyMigrations(url);
    expect(await diffDatabaseToSchema("postgres", url, postgresSchema)).toBe("");
    expect(await diffDatabaseToSchema("postgres", url, withExtraColumn(postgresSchema))).toMatch(/ADD COLUMN\s+"nickname" TEXT/);
  });

  it("generates only the missing step on top of the committed migrations (shadow database on the server)", async () => {
    const sql = await diffMigrationsToSchema("postgres", readMigrations("postgres"), withExtraColumn(postgresSchema), server!);
    expect(sql).toMatch(/ADD COLUMN\s+"nickname" TEXT/);
  });
});
