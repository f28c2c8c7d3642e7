/**
 * What the API's route handlers work with: the database (Prisma and the raw SQL executor), the encryption
 * key for provider credentials, the public base URL and the per-key request rate. Integration tests point
 * the real route handlers at a test database with `setApiServices`.
 */
import { db, type Db } from "@/lib/db/client";
import { rawDb, type RawDb } from "@/lib/db/raw";
import { type Sql, sqlFor } from "@/lib/db/sql";
import { config } from "@/lib/env";

export interface ApiServices {
  db: Db;
  /** The raw driver connection, for bulk paths (contact imports). */
  raw: RawDb;
  sql: Sql;
  encryptionKey: Buffer;
  /** APP_URL: problem types and webhook URLs are built on it. */
  appUrl: string;
  /** Requests per second each key may make (a one-second burst of this many is allowed). */
  ratePerSecond: number;
}

/** Requests per second per API key: generous for integrations, low enough to stop a runaway loop. */
export const DEFAULT_API_RATE_PER_SECOND = 20;

let override: ApiServices | undefined;

export function apiServices(): ApiServices {
  if (override) return override;
  const cfg = config();
  return { db: db(), raw: rawDb(), sql: sqlFor(rawDb()), encryptionKey: cfg.encryptionKey, appUrl: cfg.appUrl, ratePerSecond: DEFAULT_API_RATE_PER_SECOND };
}

/** Runs the API on other services (a test database); `undefined` restores the configured ones. */
export function setApiServices(services: ApiServices | undefined): void {
  override = services;
}
