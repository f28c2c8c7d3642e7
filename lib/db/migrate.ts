/**
 * Start-up migration runner: applies the committed SQL in prisma/migrations/<sqlite|postgres>/ that the
 * database has not seen yet. It talks to the drivers directly (better-sqlite3, pg) and never loads
 * Prisma's CLI or schema engine, so start-up is offline and fast.
 *
 * Each migration runs in its own transaction together with its row in `_app_migrations` (name + sha256), so
 * a failure leaves it either fully applied and recorded or not at all. A recorded migration whose file
 * changed, or that no longer exists, stops start-up: the database no longer matches the code.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "./database-url";
import { defaultMigrationsRoot, readMigrations, type MigrationFile } from "./migration-files";
import { applySqlitePragmas } from "./sqlite-pragmas";

export const APP_MIGRATIONS_TABLE = "_app_migrations";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${APP_MIGRATIONS_TABLE}" (
  "name" TEXT PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" TEXT NOT NULL
)`;

/** Arbitrary constant: serialises runners of this app that start together against one PostgreSQL database. */
const PG_ADVISORY_LOCK_KEY = 7_310_946_021;

interface AppliedRow {
  name: string;
  checksum: string;
}

/** Throws when a migration recorded as applied was edited or deleted since. */
function assertHistoryIntact(applied: AppliedRow[], files: MigrationFile[]): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  const problems = applied.flatMap((row) => {
    const file = byName.get(row.name);
    if (!file) return [`${row.name}: applied to this database but missing from the migrations folder`];
    if (file.checksum !== row.checksum) return [`${row.name}: changed after it was applied (checksum differs)`];
    return [];
  });
  if (problems.length > 0) {
    throw new Error(
      `Refusing to migrate: committed migrations disagree with the database.\n  ${problems.join("\n  ")}\n` +
        "Never edit an applied migration: restore it and add a new one (npm run db:migration -- <name>).",
    );
  }
}

/**
 * SQLite: foreign key enforcement is switched off around the run (it cannot change inside a transaction),
 * because the table rebuilds Prisma generates DROP the old table, which with enforcement on would run
 * ON DELETE CASCADE on the rows that reference it. `foreign_key_check` before each commit keeps the
 * guarantee. BEGIN IMMEDIATE takes the write lock first, so a second process waits (busy_timeout) and then
 * sees the migration already recorded.
 */
function applySqlite(file: string, migrations: MigrationFile[]): string[] {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  const applied: string[] = [];
  try {
    applySqlitePragmas(db);
    db.pragma("foreign_keys = OFF");
    db.exec(CREATE_TABLE);
    const rows = () => db.prepare(`SELECT name, checksum FROM "${APP_MIGRATIONS_TABLE}"`).all() as AppliedRow[];
    assertHistoryIntact(rows(), migrations);
    const record = db.prepare(`INSERT INTO "${APP_MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
    for (const migration of migrations) {
      db.exec("BEGIN IMMEDIATE");
      try {
        if (rows().some((row) => row.name === migration.name)) {
          db.exec("ROLLBACK");
          continue;
        }
        db.exec(migration.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) throw new Error(`leaves ${violations.length} foreign key violation(s)`);
        record.run(migration.name, migration.checksum, new Date().toISOString());
        db.exec("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    db.pragma("foreign_keys = ON");
    db.close();
  }
  return applied;
}

/**
 * PostgreSQL: a session advisory lock held for the whole run makes concurrent starters queue; each then
 * reads the history after getting the lock, so every migration is applied exactly once.
 */
async function applyPostgres(url: string, migrations: MigrationFile[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(`SELECT name, checksum FROM "${APP_MIGRATIONS_TABLE}"`);
    assertHistoryIntact(rows, migrations);
    const done = new Set(rows.map((row) => row.name));
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${APP_MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, $3)`, [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    // Ending the session releases the advisory lock too; unlocking first frees waiters without delay.
    await client.query("SELECT pg_advisory_unlock($1)", [PG_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}

/**
 * Applies every committed migration the database lacks, in name order; returns the names applied.
 * `migrationsRoot` (the folder holding sqlite/ and postgres/) is for tests.
 */
export async function applyMigrations(databaseUrl: string, migrationsRoot = defaultMigrationsRoot()): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrations = readMigrations(target.kind, migrationsRoot);
  return target.kind === "sqlite" ? applySqlite(target.file, migrations) : applyPostgres(target.url, migrations);
}
