/**
 * Many rows' values carried into one statement, so a batch of 1,000 messages costs one INSERT or UPDATE
 * instead of 1,000: typed `unnest` arrays on PostgreSQL, one JSON array read by `json_each` on SQLite.
 * Use the result as a table: `INSERT … SELECT … FROM ${values.sql}` or `UPDATE … FROM ${values.sql}`.
 */
import { sqliteTimestamp } from "./raw";
import type { Sql, SqlParam } from "./sql";

export type ColumnType = "int" | "text" | "timestamp" | "numeric" | "boolean";
export type RowValue = string | number | boolean | Date | null | undefined;

/** `rows` as a table aliased `alias` with the named, typed `columns` (each row lists values in that order). */
export function rowValues(dialect: Sql["dialect"], alias: string, columns: Record<string, ColumnType>, rows: RowValue[][]): { sql: string; params: SqlParam[] } {
  const names = Object.keys(columns);
  if (dialect === "postgres") {
    const arrays = names.map((_, i) => rows.map((row) => pgValue(row[i])));
    return {
      sql: `unnest(${names.map((name) => `?::${columns[name]}[]`).join(", ")}) AS ${alias}(${names.join(", ")})`,
      params: arrays as SqlParam[],
    };
  }
  const json = JSON.stringify(rows.map((row) => row.map(sqliteValue)));
  // `LIMIT -1` (no limit) keeps SQLite from flattening the subquery into the statement: flattened, the
  // planner may drive an UPDATE from an index on another condition (`m."state" = 'sending'`) and scan the
  // JSON once per row (3.5 s for 4,000 rows in recoverStaleClaims); materialized, it drives from these rows.
  return { sql: `(SELECT ${names.map((name, i) => `value ->> ${i} AS ${name}`).join(", ")} FROM json_each(?) LIMIT -1) AS ${alias}`, params: [json] };
}

/**
 * `column` is one of `values`, as a condition: `= ANY(array)` on PostgreSQL, which the planner serves from
 * an index (an `IN (SELECT … FROM unnest(…))` may hash-join a whole account's rows), `IN (json_each)` on SQLite.
 */
export function oneOf(dialect: Sql["dialect"], column: string, type: ColumnType, values: (string | number)[]): { sql: string; params: SqlParam[] } {
  if (dialect === "postgres") return { sql: `${column} = ANY(?::${type}[])`, params: [values as SqlParam] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] };
}

/** A cast to a PostgreSQL type where a bare parameter's type cannot be inferred; nothing on SQLite. */
export const castFor = (dialect: Sql["dialect"]) => (type: string) => (dialect === "postgres" ? `::${type}` : "");

const pgValue = (value: RowValue) => (value instanceof Date ? value.toISOString() : (value ?? null));

const sqliteValue = (value: RowValue) => (value instanceof Date ? sqliteTimestamp(value) : typeof value === "boolean" ? Number(value) : (value ?? null));
