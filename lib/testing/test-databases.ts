/**
 * The databases integration suites run against: always a fresh SQLite file, and a fresh PostgreSQL
 * database when TEST_POSTGRES_URL names a server (CI sets it). Each is migrated with the committed
 * migrations and removed after the suite.
 *
 *   describe.each(testDatabases())("users on $name", (target) => {
 *     const ctx = useTestDatabase(target);   // ctx.db, ctx.url, ctx.raw inside tests
 *   });
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createPgDatabase, dropPgDatabase, pgUrlFor } from "@/scripts/db/pg-databases";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { openRawDb, type RawDb } from "@/lib/db/raw";

export interface TestDatabaseTarget {
  name: "sqlite" | "postgres";
  /** For PostgreSQL: the server URL in which a fresh database is created. */
  serverUrl?: string;
}

// The one place tests read the environment: whether to run on PostgreSQL too.
const postgresServer = process.env.TEST_POSTGRES_URL;

export function testDatabases(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [{ name: "sqlite" }];
  if (postgresServer) targets.push({ name: "postgres", serverUrl: postgresServer });
  return targets;
}

export interface TestDatabase {
  url: string;
  db: Db;
  raw: RawDb;
}

/** Creates and migrates a fresh database for `target`; creates it before the suite, removes it after. */
export async function createTestDatabase(target: TestDatabaseTarget, purpose = "test"): Promise<TestDatabase & { drop(): Promise<void> }> {
  let url: string;
  let remove: () => Promise<void>;
  if (target.name === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), `smscm-${purpose}-`));
    url = `file:${path.join(dir, "test.db")}`;
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = await createPgDatabase(target.serverUrl!, purpose);
    url = pgUrlFor(target.serverUrl!, name);
    remove = () => dropPgDatabase(target.serverUrl!, name);
  }
  await applyMigrations(url);
  const db = createDb(url);
  const raw = openRawDb(url);
  return {
    url,
    db,
    raw,
    async drop() {
      await db.$disconnect();
      await raw.close();
      await remove();
    },
  };
}

/** Vitest hook form of `createTestDatabase`: the returned object is filled in before the suite's tests run. */
export function useTestDatabase(target: TestDatabaseTarget, purpose = "test"): TestDatabase {
  const ctx = {} as TestDatabase & { drop?: () => Promise<void> };
  beforeAll(async () => Object.assign(ctx, await createTestDatabase(target, purpose)));
  afterAll(async () => ctx.drop?.());
  return ctx;
}
