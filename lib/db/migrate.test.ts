import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDatabase, dropPgDatabase, pgUrlFor } from "../../scripts/db/pg-databases";
import { APP_MIGRATIONS_TABLE, applyMigrations } from "./migrate";
import { defaultMigrationsRoot, readMigrations, type DatabaseKind } from "./migration-files";
import { openRawDb } from "./raw";

const tmp = mkdtempSync(path.join(tmpdir(), "smscm-migrate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A private copy of the committed migrations that a test may edit or extend. */
function copyOfMigrations(): string {
  const root = mkdtempSync(path.join(tmp, "migrations-"));
  cpSync(defaultMigrationsRoot(), root, { recursive: true });
  return root;
}

function addMigration(root: string, kind: DatabaseKind, name: string, sql: string): void {
  mkdirSync(path.join(root, kind, name), { recursive: true });
  writeFileSync(path.join(root, kind, name, "migration.sql"), sql);
}

const committed = (kind: DatabaseKind) => readMigrations(kind).map((m) => m.name);

describe("committed migrations", () => {
  it("exist for both databases under the same names", () => {
    expect(committed("sqlite").length).toBeGreaterThan(0);
    expect(committed("postgres")).toEqual(committed("sqlite"));
  });
});

describe("applyMigrations on SQLite", () => {
  let n = 0;
  const freshUrl = () => `file:${path.join(tmp, `db-${++n}`, "app.db")}`;

  it("applies every migration to a fresh file, in WAL mode, then nothing on a second run", async () => {
    const url = freshUrl();
    const started = performance.now();
    expect(await applyMigrations(url)).toEqual(committed("sqlite"));
    console.log(`SQLite: applied ${committed("sqlite").length} migration(s) in ${(performance.now() - started).toFixed(0)} ms`);
    expect(await applyMigrations(url)).toEqual([]);

    const db = new Database(url.slice("file:".length), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["User", "Message", "Campaign", APP_MIGRATIONS_TABLE]));
    db.close();
  });

  it("opens raw connections with the engine's settings: WAL, NORMAL sync, a 40 MB checkpoint threshold", async () => {
    const url = freshUrl();
    await applyMigrations(url);
    const raw = openRawDb(url);
    if (raw.dialect !== "sqlite") throw new Error("expected SQLite");
    expect(raw.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.sqlite.pragma("synchronous", { simple: true })).toBe(1);
    expect(raw.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(10000);
    await raw.close();
  });

  it("applies only migrations added since the last run", async () => {
    const root = copyOfMigrations();
    const url = freshUrl();
    await applyMigrations(url, root);
    addMigration(root, "sqlite", "99990101000000_add_note", `ALTER TABLE "Contact" ADD COLUMN "note" TEXT;`);
    expect(await applyMigrations(url, root)).toEqual(["99990101000000_add_note"]);
  });

  it("applies each migration once when several processes start together", async () => {
    const root = copyOfMigrations();
    // Slow enough (~0.5 s) that the other processes arrive while the first is still migrating.
    addMigration(root, "sqlite", "99990101000000_slow", `CREATE TABLE "Slow" ("x" INTEGER);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000) INSERT INTO "Slow" SELECT x FROM n;`);
    const url = freshUrl();
    const script = `import("./lib/db/migrate.ts").then(async (m) => console.log(JSON.stringify(await m.applyMigrations(${JSON.stringify(url)}, ${JSON.stringify(root)}))))`;
    const start = () => promisify(execFile)(process.execPath, ["--import", "tsx", "-e", script], { cwd: process.cwd() });
    const runs = await Promise.all([start(), start(), start()]);
    expect(runs.flatMap((run) => JSON.parse(run.stdout) as string[]).sort()).toEqual(readMigrations("sqlite", root).map((m) => m.name));
  });

  it("rebuilds a table the way Prisma does without cascading deletes to the rows that reference it", async () => {
    const root = copyOfMigrations();
    const url = freshUrl();
    await applyMigrations(url, root);
    const db = new Database(url.slice("file:".length));
    db.exec(`INSERT INTO "Contact" (id, phone, updatedAt) VALUES (1, '+15550100', 0);
      INSERT INTO "ContactList" (id, name, updatedAt) VALUES (1, 'list', 0);
      INSERT INTO "ListMembership" (listId, contactId) VALUES (1, 1);`);
    // The shape of the engine's SQLite "RedefineTables" output (its PRAGMAs are no-ops inside a transaction).
    addMigration(root, "sqlite", "99990101000000_rebuild_list", `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContactList" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '', "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL);
INSERT INTO "new_ContactList" ("id", "name", "description", "createdAt", "updatedAt")
  SELECT "id", "name", coalesce("description", ''), "createdAt", "updatedAt" FROM "ContactList";
DROP TABLE "ContactList";
ALTER TABLE "new_ContactList" RENAME TO "ContactList";
CREATE UNIQUE INDEX "ContactList_name_key" ON "ContactList"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`);
    expect(await applyMigrations(url, root)).toEqual(["99990101000000_rebuild_list"]);
    expect(db.prepare(`SELECT count(*) FROM "ListMembership"`).pluck().get()).toBe(1);
    db.close();
  });

  it("refuses to start when an applied migration was edited", async () => {
    const root = copyOfMigrations();
    const url = freshUrl();
    await applyMigrations(url, root);
    const [first] = readMigrations("sqlite", root);
    writeFileSync(path.join(root, "sqlite", first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(url, root)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls a failing migration back entirely and does not record it", async () => {
    const root = copyOfMigrations();
    const url = freshUrl();
    await applyMigrations(url, root);
    addMigration(root, "sqlite", "99990101000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";`);
    await expect(applyMigrations(url, root)).rejects.toThrow(/99990101000000_broken failed/);
    const db = new Database(url.slice("file:".length), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'Half'").pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM "${APP_MIGRATIONS_TABLE}" WHERE name LIKE '9999%'`).pluck().get()).toBe(0);
    db.close();
  });
});

const server = process.env.TEST_POSTGRES_URL;

describe.runIf(server)("applyMigrations on PostgreSQL", () => {
  const databases: string[] = [];
  const freshUrl = async () => {
    const name = await createPgDatabase(server!, "test");
    databases.push(name);
    return pgUrlFor(server!, name);
  };
  afterAll(async () => {
    for (const name of databases) await dropPgDatabase(server!, name);
  });

  async function appliedRows(url: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${APP_MIGRATIONS_TABLE}" ORDER BY name`);
      return rows.map((row) => row.name);
    } finally {
      await client.end();
    }
  }

  it("applies every migration to a fresh database, then nothing on a second run", async () => {
    const url = await freshUrl();
    const started = performance.now();
    expect(await applyMigrations(url)).toEqual(committed("postgres"));
    console.log(`PostgreSQL: applied ${committed("postgres").length} migration(s) in ${(performance.now() - started).toFixed(0)} ms`);
    expect(await applyMigrations(url)).toEqual([]);
    expect(await appliedRows(url)).toEqual(committed("postgres"));
  });

  it("gives PostgreSQL what the schema cannot say: bytewise phones, partial indexes the hot queries can use, room for HOT updates", async () => {
    const url = await freshUrl();
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const indexes = await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Contact', 'Message')`);
      const definition = (name: string) => indexes.rows.find((row) => row.indexname === name)?.indexdef;
      expect(definition("Contact_optedOut_idx")).toMatch(/WHERE "optedOut"$/);
      expect(definition("Message_state_expiresAt_idx")).toMatch(/WHERE \(state = ANY \(ARRAY\['queued'::"MessageState", 'sending'::"MessageState"\]\)\)$/);
      expect(definition("Message_nextPollAt_idx")).toMatch(/WHERE \("nextPollAt" IS NOT NULL\)$/);
      const collation = await client.query(`SELECT collation_name FROM information_schema.columns WHERE table_name = 'Contact' AND column_name = 'phone'`);
      expect(collation.rows[0].collation_name).toBe("C");
      const storage = await client.query(`SELECT reloptions FROM pg_class WHERE relname = 'SendAttempt'`);
      expect(storage.rows[0].reloptions).toEqual(["fillfactor=70"]);
      // The predicates must be implied by the queries' own conditions (housekeeping.ts, poll-reports.ts), or the indexes serve nothing.
      await client.query("SET enable_seqscan = off");
      const plan = async (query: string) => (await client.query(`EXPLAIN ${query}`)).rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(await plan(`SELECT "id" FROM "Message" WHERE "state" = 'queued' AND "expiresAt" < now()::timestamp`)).toMatch(/Message_state_expiresAt_idx/);
      expect(await plan(`SELECT "id" FROM "Message" WHERE "state" = 'sending' AND "claimedAt" < now()::timestamp`)).toMatch(/Message_state_expiresAt_idx/);
      expect(await plan(`SELECT "id" FROM "Message" WHERE "nextPollAt" <= now()::timestamp ORDER BY "nextPollAt" LIMIT 10`)).toMatch(/Message_nextPollAt_idx/);
    } finally {
      await client.end();
    }
  });

  it("refuses to start when an applied migration was edited", async () => {
    const root = copyOfMigrations();
    const url = await freshUrl();
    await applyMigrations(url, root);
    const [first] = readMigrations("postgres", root);
    writeFileSync(path.join(root, "postgres", first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(url, root)).rejects.toThrow(/changed after it was applied/);
  });

  it("applies each migration once when several processes start together", async () => {
    const root = copyOfMigrations();
    addMigration(root, "postgres", "99990101000000_add_note", `ALTER TABLE "Contact" ADD COLUMN "note" TEXT;`);
    const url = await freshUrl();
    const runs = await Promise.all([applyMigrations(url, root), applyMigrations(url, root), applyMigrations(url, root)]);
    const expected = readMigrations("postgres", root).map((m) => m.name);
    expect(runs.flat().sort()).toEqual(expected);
    expect(await appliedRows(url)).toEqual(expected);
  });

  it("rolls a failing migration back entirely and does not record it", async () => {
    const root = copyOfMigrations();
    const url = await freshUrl();
    await applyMigrations(url, root);
    addMigration(root, "postgres", "99990101000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";`);
    await expect(applyMigrations(url, root)).rejects.toThrow(/99990101000000_broken failed/);
    expect(await appliedRows(url)).toEqual(committed("postgres"));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('"Half"') AS t`);
    await client.end();
    expect(rows[0].t).toBeNull();
  });
});

beforeAll(() => {
  if (!server) console.log("TEST_POSTGRES_URL not set: PostgreSQL runner tests skipped");
});
