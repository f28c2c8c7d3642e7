/**
 * The committed migrations: prisma/migrations/<sqlite|postgres>/<YYYYMMDDHHMMSS>_<name>/migration.sql.
 * Shared by the start-up runner, the developer's migration generator and the CI drift check, so all three
 * read the same files in the same order.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type DatabaseKind = "sqlite" | "postgres";

export interface MigrationFile {
  /** The folder name, e.g. `20250101120000_init`; applied in this (lexical = chronological) order. */
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATION_FILE = "migration.sql";

/** prisma/migrations under the repo root (the working directory of every entry point). */
export function defaultMigrationsRoot(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/**
 * sha256 of the script with line endings normalised, so a checkout that converts them (git autocrlf)
 * is not mistaken for an edited migration.
 */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export function readMigrations(kind: DatabaseKind, migrationsRoot = defaultMigrationsRoot()): MigrationFile[] {
  const dir = path.join(migrationsRoot, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, MIGRATION_FILE)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, MIGRATION_FILE), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}
