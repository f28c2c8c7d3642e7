/**
 * A small SQL executor over the raw driver, with one calling convention on both databases: `?` placeholders,
 * async calls, and transactions. Bulk paths write SQL once where both dialects agree and branch on
 * `sql.dialect` only where they differ.
 *
 * On SQLite every statement and transaction takes the file's process-wide lock (sqlite-lock.ts), shared
 * with Prisma's connection: better-sqlite3 is synchronous, so concurrent async work can never interleave
 * statements inside another's BEGIN…COMMIT, nor make one connection busy-wait on the other.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { RawDb } from "./raw";
import { sqliteTimestamp } from "./raw";
import { type AsyncLock, sqliteLock } from "./sqlite-lock";

export type SqlParam = string | number | bigint | boolean | null | Date | string[] | number[];

/**
 * `prepared`: on PostgreSQL, run the statement as a named prepared statement, parsed once per connection
 * and, once the server settles on a generic plan, no longer planned each time. For hot statements of fixed
 * text (arrays as parameters, never a number of placeholders that varies). SQLite always prepares.
 */
export interface RunOptions {
  prepared?: boolean;
}

export interface Sql {
  dialect: "sqlite" | "postgres";
  all<T = Record<string, unknown>>(query: string, params?: SqlParam[], options?: RunOptions): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(query: string, params?: SqlParam[], options?: RunOptions): Promise<number>;
  /** Runs `work` in one transaction (SQLite: BEGIN IMMEDIATE, so the write lock is taken up front). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** Converts `?` placeholders to PostgreSQL's `$1, $2…` (our SQL never has `?` inside string literals). */
function toPgPlaceholders(query: string): string {
  let n = 0;
  return query.replace(/\?/g, () => `$${++n}`);
}

function sqliteParam(value: SqlParam): unknown {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (Array.isArray(value)) throw new Error("array parameters are PostgreSQL-only");
  return value;
}

// PostgreSQL columns are `timestamp(3)` without zone holding UTC; an ISO string's zone is ignored on cast.
const pgParam = (value: SqlParam): unknown => (value instanceof Date ? value.toISOString() : value);

/**
 * Prepared statements per connection, shared by the executor and its transactions (preparing a batch
 * statement of a few thousand placeholders costs more than running it). Bounded: bulk statements' text
 * varies with their row count, so the cache is emptied when it grows past what hot paths use.
 */
const MAX_CACHED_STATEMENTS = 500;
const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function preparedOn(db: Database.Database, query: string): Database.Statement {
  let statements = statementCaches.get(db);
  if (!statements) statementCaches.set(db, (statements = new Map()));
  let statement = statements.get(query);
  if (!statement) {
    if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
    statements.set(query, (statement = db.prepare(query)));
  }
  return statement;
}

function sqliteSql(db: Database.Database, lock: AsyncLock, inTransaction: boolean): Sql {
  const prepare = (query: string) => preparedOn(db, query);
  // Outside a transaction, wait for any open one: the connection is shared, so a statement run between
  // another transaction's awaits would otherwise become part of it.
  const exclusive = <T>(work: () => T): Promise<T> => (inTransaction ? Promise.resolve(work()) : lock.run(work));
  const self: Sql = {
    dialect: "sqlite",
    async all<T>(query: string, params: SqlParam[] = []) {
      return exclusive(() => {
        const statement = prepare(query);
        const args = params.map(sqliteParam);
        return (statement.reader ? statement.all(...args) : (statement.run(...args), [])) as T[];
      });
    },
    async run(query, params = []) {
      return exclusive(() => prepare(query).run(...params.map(sqliteParam)).changes);
    },
    async transaction(work) {
      if (inTransaction) return work(self);
      return lock.run(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(sqliteSql(db, lock, true));
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      });
    },
  };
  return self;
}

/**
 * A prepared statement's text and name, kept per text: the same name on every connection (pg prepares it
 * once on each), and no placeholder rewriting of a long statement on every call.
 */
const preparedStatements = new Map<string, { name: string; text: string }>();
function preparedStatement(query: string): { name: string; text: string } {
  let statement = preparedStatements.get(query);
  if (!statement) {
    const text = toPgPlaceholders(query);
    statement = { name: `s_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`, text };
    preparedStatements.set(query, statement);
  }
  return statement;
}

function pgSql(client: pg.Pool | pg.PoolClient, pool: pg.Pool | undefined): Sql {
  const query = (text: string, params: SqlParam[], options?: RunOptions) => {
    const values = params.map(pgParam);
    return options?.prepared ? client.query({ ...preparedStatement(text), values }) : client.query(toPgPlaceholders(text), values);
  };
  const self: Sql = {
    dialect: "postgres",
    async all<T>(text: string, params: SqlParam[] = [], options?: RunOptions) {
      return (await query(text, params, options)).rows as T[];
    },
    async run(text, params = [], options) {
      return (await query(text, params, options)).rowCount ?? 0;
    },
    async transaction(work) {
      if (!pool) return work(self);
      const connection = await pool.connect();
      try {
        await connection.query("BEGIN");
        const result = await work(pgSql(connection, undefined));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
  };
  return self;
}

const executors = new WeakMap<object, Sql>();

/** The executor for a raw connection (one per connection, so SQLite's mutex and statement cache are shared). */
export function sqlFor(raw: RawDb): Sql {
  const key = raw.dialect === "sqlite" ? raw.sqlite : raw.pool;
  let sql = executors.get(key);
  if (!sql) {
    sql = raw.dialect === "sqlite" ? sqliteSql(raw.sqlite, sqliteLock(raw.file), false) : pgSql(raw.pool, raw.pool);
    executors.set(key, sql);
  }
  return sql;
}
