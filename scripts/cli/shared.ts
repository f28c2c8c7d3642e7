/** What every CLI command needs: the database, a way to ask before spending money, and clear failures. */
import { createInterface } from "node:readline/promises";
import { db, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { rawDb, type RawDb } from "@/lib/db/raw";
import { type Sql, sqlFor } from "@/lib/db/sql";
import { config } from "@/lib/env";

export interface CliContext {
  db: Db;
  raw: RawDb;
  sql: Sql;
  encryptionKey: Buffer;
  appUrl: string;
}

/** Opens the configured database (applying committed migrations, as `npm start` does). */
export async function openContext(): Promise<CliContext> {
  const cfg = config();
  await applyMigrations(cfg.databaseUrl);
  const raw = rawDb();
  return { db: db(), raw, sql: sqlFor(raw), encryptionKey: cfg.encryptionKey, appUrl: cfg.appUrl };
}

/** A mistake in how the command was called: printed without a stack trace. */
export class UsageError extends Error {}

/**
 * Asks a yes/no question on the terminal; `--yes` answers it in advance. Without a terminal and without
 * `--yes` the answer is no, so a script never sends by accident.
 */
export async function confirm(question: string, assumeYes: boolean): Promise<boolean> {
  if (assumeYes) return true;
  if (!process.stdin.isTTY) {
    console.error(`${question}\nNot confirmed: run it in a terminal, or add --yes.`);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export function requiredNumber(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`Give ${what} as a positive whole number.`);
  return n;
}

export function optionalNumber(value: string | undefined, what: string): number | undefined {
  return value === undefined ? undefined : requiredNumber(value, what);
}

/** `name=value` pairs (repeatable options) as an object; `name=env:VAR` reads the value from the environment. */
export function pairs(values: string[] | undefined, what: string, env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of values ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`Write each ${what} as name=value (got "${item}").`);
    const value = item.slice(eq + 1);
    const variable = /^env:(\w+)$/.exec(value)?.[1];
    if (variable && env[variable] === undefined) throw new UsageError(`The environment variable ${variable} is not set.`);
    out[item.slice(0, eq)] = variable ? env[variable]! : value;
  }
  return out;
}

export function printFieldErrors(fieldErrors: Record<string, string> | undefined): void {
  for (const [field, message] of Object.entries(fieldErrors ?? {})) console.error(`  ${field}: ${message}`);
}

export const WORKER_NOTE = "The delivery worker sends it: `npm start` runs one beside the app (or `npm run worker`).";
