/**
 * `npm run db:check` (CI): fails when the database side no longer follows prisma/schema.prisma.
 *  1. prisma/postgres/schema.prisma must equal what the derive script would write.
 *  2. The committed migrations, applied by the start-up runner to a fresh SQLite file and a fresh PostgreSQL
 *     database, must give exactly the schema: the wasm engine diffs each database against it, and any
 *     difference (a schema edit without a migration, an edited migration) is printed and fails the check.
 * PostgreSQL is checked on TEST_POSTGRES_URL, else on the local server if reachable; a uniquely named
 * database is created and dropped. Set REQUIRE_POSTGRES=1 to fail rather than skip when none is reachable.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../lib/db/migrate";
import { DERIVED, deriveStatus, SOURCE } from "./postgres-schema";
import { createPgDatabase, DEFAULT_PG_SERVER, dropPgDatabase, isPgReachable, pgUrlFor } from "./pg-databases";
import { diffDatabaseToSchema } from "./schema-engine";

/** Prints the outcome for one database; returns whether it passed. */
function report(label: string, diff: string): boolean {
  if (!diff) {
    console.log(`ok   ${label}: migrated database matches the schema`);
    return true;
  }
  console.error(`FAIL ${label}: the committed migrations do not produce the schema. SQL still needed:\n${diff}`);
  return false;
}

async function checkSqlite(): Promise<boolean> {
  const dir = mkdtempSync(path.join(tmpdir(), "smscm-drift-"));
  try {
    const url = `file:${path.join(dir, "drift.db")}`;
    await applyMigrations(url);
    return report("sqlite", await diffDatabaseToSchema("sqlite", url, readFileSync(SOURCE, "utf8")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkPostgres(): Promise<boolean> {
  const server = process.env.TEST_POSTGRES_URL ?? DEFAULT_PG_SERVER;
  if (!(await isPgReachable(server))) {
    const message = `PostgreSQL not reachable at ${server}`;
    if (process.env.REQUIRE_POSTGRES === "1") {
      console.error(`FAIL postgres: ${message}`);
      return false;
    }
    console.warn(`skip postgres: ${message} (set REQUIRE_POSTGRES=1 to make this fatal)`);
    return true;
  }
  const name = await createPgDatabase(server, "drift");
  try {
    const url = pgUrlFor(server, name);
    await applyMigrations(url);
    return report("postgres", await diffDatabaseToSchema("postgres", url, readFileSync(DERIVED, "utf8")));
  } finally {
    await dropPgDatabase(server, name);
  }
}

async function main(): Promise<void> {
  let ok = true;
  if (deriveStatus().upToDate) console.log(`ok   ${DERIVED} is up to date`);
  else {
    console.error(`FAIL ${DERIVED} is stale: run \`npx tsx scripts/db/derive-postgres-schema.ts\` and commit it.`);
    ok = false;
  }
  // Checked against the committed derived file even when stale, so one run reports every problem.
  ok = (await checkSqlite()) && ok;
  ok = (await checkPostgres()) && ok;
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
