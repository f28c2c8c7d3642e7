/** Timestamps read back from raw SQL the same way on both databases (pg would parse them in local time). */
import type { Sql } from "@/lib/db/sql";

/** SQL giving the UTC hour of a timestamp column as `YYYY-MM-DDTHH`. */
export function hourText(dialect: Sql["dialect"], column: string): string {
  return dialect === "sqlite" ? `substr(${column}, 1, 13)` : `to_char(${column}, 'YYYY-MM-DD"T"HH24')`;
}

/** SQL giving a timestamp column as milliseconds since the epoch (UTC). */
export function epochMs(dialect: Sql["dialect"], column: string): string {
  return dialect === "sqlite"
    ? `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`
    : `CAST(EXTRACT(EPOCH FROM ${column}) * 1000 AS BIGINT)`;
}

/** A millisecond column value (SQLite integer, pg bigint string) as a Date, or null. */
export function fromEpochMs(value: number | string | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(Number(value));
}

/** An `hourText` value as the Date it starts. */
export const hourStart = (hour: string): Date => new Date(`${hour}:00:00.000Z`);
