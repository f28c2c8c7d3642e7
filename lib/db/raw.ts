/**
 * A raw driver connection beside Prisma, for the bulk paths (imports, campaign launch, claiming, status
 * updates) where Prisma's per-row cost is too high (DESIGN.md, "Databases"). Each bulk path keeps one
 * function with the same signature on both databases and one dialect file per database where SQL differs.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { config } from "@/lib/env";
import { parseDatabaseUrl } from "./database-url";
import { createPgPool } from "./pg-pool";
import { applySqlitePragmas } from "./sqlite-pragmas";

export type RawDb =
  | { dialect: "sqlite"; sqlite: Database.Database; file: string; close(): Promise<void> }
  | { dialect: "postgres"; pool: pg.Pool; close(): Promise<void> };

/** Opens a raw connection (SQLite) or pool (PostgreSQL) for `databaseUrl`. */
export function openRawDb(databaseUrl: string): RawDb {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    const sqlite = new Database(target.file);
    applySqlitePragmas(sqlite);
    return { dialect: "sqlite", sqlite, file: target.file, close: async () => void sqlite.close() };
  }
  const pool = createPgPool(target.url);
  return { dialect: "postgres", pool, close: () => pool.end() };
}

const globalForRaw = globalThis as unknown as { rawDb?: RawDb };

/** The process's raw connection for the configured database. */
export function rawDb(): RawDb {
  globalForRaw.rawDb ??= openRawDb(config().databaseUrl);
  return globalForRaw.rawDb;
}

/**
 * A timestamp in the exact text form Prisma writes to SQLite (`2026-01-02T03:04:05.678+00:00`), so rows
 * written by raw SQL sort and compare with rows written by Prisma. PostgreSQL takes `Date` values directly.
 */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
