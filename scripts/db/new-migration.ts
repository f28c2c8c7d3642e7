/**
 * `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the SQL that takes a database
 * migrated with the committed migrations to the current schema, for SQLite and PostgreSQL, as
 * prisma/migrations/<sqlite|postgres>/<YYYYMMDDHHMMSS>_<name>/migration.sql (same folder name in both).
 * Writes nothing for a database whose migrations already match. Regenerates prisma/postgres/schema.prisma
 * first, since the PostgreSQL SQL is computed from it.
 *
 * Needs a PostgreSQL server (TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/postgres): the
 * engine replays the existing migrations on a throwaway shadow database there.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultMigrationsRoot, MIGRATION_FILE, readMigrations, type DatabaseKind } from "../../lib/db/migration-files";
import { DERIVED, deriveStatus, SOURCE } from "./postgres-schema";
import { DEFAULT_PG_SERVER, isPgReachable } from "./pg-databases";
import { diffMigrationsToSchema } from "./schema-engine";
import { fixSqliteJsonDefaults } from "./sqlite-json-defaults";

/** 2025-01-02T03:04:05Z → 20250102030405, the order migrations are applied in. */
function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function pendingSql(kind: DatabaseKind, pgServer: string): Promise<string> {
  const schema = readFileSync(kind === "sqlite" ? SOURCE : DERIVED, "utf8");
  const migrations = readMigrations(kind);
  if (kind === "sqlite") return fixSqliteJsonDefaults(await diffMigrationsToSchema(kind, migrations, schema, "file::memory:"));
  return diffMigrationsToSchema(kind, migrations, schema, pgServer);
}

async function main(): Promise<void> {
  const name = (process.argv[2] ?? "").trim();
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores, e.g. add_contact_notes)");
    process.exit(2);
  }
  const derived = deriveStatus();
  if (!derived.upToDate) {
    writeFileSync(DERIVED, derived.expected);
    console.log(`Regenerated ${DERIVED}.`);
  }
  const pgServer = process.env.TEST_POSTGRES_URL ?? DEFAULT_PG_SERVER;
  if (!(await isPgReachable(pgServer))) {
    console.error(`PostgreSQL is not reachable at ${pgServer}: set TEST_POSTGRES_URL to a server the engine can create a shadow database on.`);
    process.exit(1);
  }
  const folder = `${timestamp()}_${name}`;
  // Both are computed before anything is written, so a failure leaves no half-made pair.
  const scripts = { sqlite: await pendingSql("sqlite", pgServer), postgres: await pendingSql("postgres", pgServer) };
  let written = 0;
  for (const [kind, sql] of Object.entries(scripts)) {
    if (!sql) {
      console.log(`${kind}: migrations already match the schema; nothing written.`);
      continue;
    }
    const dir = path.join(defaultMigrationsRoot(), kind, folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, MIGRATION_FILE), sql);
    console.log(`${kind}: wrote ${path.relative(process.cwd(), path.join(dir, MIGRATION_FILE))}`);
    written++;
  }
  if (written > 0) console.log("Review the SQL (data-loss warnings are comments in it), run `npm run db:check`, then commit.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
