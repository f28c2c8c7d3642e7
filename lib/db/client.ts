/**
 * The Prisma client for this process, on SQLite or PostgreSQL according to DATABASE_URL. The app is typed
 * against the SQLite client; the PostgreSQL client has the same models and is cast once, here
 * (../shared/STACK-NOTES.md: the two generated client classes differ only in types we never use).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/env";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { parseDatabaseUrl } from "./database-url";
import { createPgPool } from "./pg-pool";
import { serializedSqliteAdapter } from "./serialized-sqlite-adapter";
import { sqliteLock } from "./sqlite-lock";

export type Db = SqliteClient;
export * from "./generated/sqlite/enums";
export type * from "./generated/sqlite/models";
export { Prisma } from "./generated/sqlite/client";

/** Builds a client for `databaseUrl`; tests use it to open a database of their own. */
export function createDb(databaseUrl: string): Db {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    // busy_timeout: the app, workers and imports share one file; writers wait instead of failing.
    // WAL is a property of the file, set by the migration runner at start.
    const adapter = serializedSqliteAdapter(new PrismaBetterSqlite3({ url: target.file, timeout: 5000 }), sqliteLock(target.file));
    return new SqliteClient({ adapter });
  }
  return new PostgresClient({ adapter: new PrismaPg(createPgPool(target.url), { disposeExternalPool: true }) }) as unknown as Db;
}

// One client per process, kept across Next's hot reloads in development.
const globalForDb = globalThis as unknown as { db?: Db };

/** The process's client for the configured database. */
export function db(): Db {
  globalForDb.db ??= createDb(config().databaseUrl);
  return globalForDb.db;
}
