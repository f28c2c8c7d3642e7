/** Direct access to the e2e server's database, for journeys that set up or check what the UI does not show. */
import { createDb } from "@/lib/db/client";
import { openRawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { E2E_DATABASE_URL } from "./users";

export function e2eDatabase() {
  const db = createDb(E2E_DATABASE_URL);
  const raw = openRawDb(E2E_DATABASE_URL);
  return { db, raw, sql: sqlFor(raw), close: async () => (await db.$disconnect(), await raw.close()) };
}

/** Polls `check` until it returns a truthy value (or the deadline passes, returning the last value). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
