/**
 * Token buckets in the database, so a provider account's messages-per-second holds across every worker
 * with no extra infrastructure (DESIGN.md). A bucket holds at most one second of tokens: that one burst
 * is the only excess ever allowed.
 */
import type { Sql } from "@/lib/db/sql";

/**
 * Takes up to `want` tokens from bucket `key` refilling at `ratePerSecond`; resolves with how many it got
 * (0 when the bucket is empty) and, when none, how long until the next token.
 */
export async function takeTokens(sql: Sql, key: string, want: number, ratePerSecond: number, now = new Date()): Promise<{ granted: number; waitMs: number }> {
  const capacity = Math.max(1, ratePerSecond);
  return sql.transaction(async (tx) => {
    await tx.run(`INSERT INTO "RateLimitBucket" ("key", "tokens", "refilledAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO NOTHING`, [key, capacity, now]);
    const lock = tx.dialect === "postgres" ? "FOR UPDATE" : "";
    const [bucket] = await tx.all<{ tokens: number; refilledAt: string | Date }>(`SELECT "tokens", "refilledAt" FROM "RateLimitBucket" WHERE "key" = ? ${lock}`, [key]);
    const elapsedS = Math.max(0, (now.getTime() - new Date(bucket.refilledAt).getTime()) / 1000);
    const available = Math.min(capacity, Number(bucket.tokens) + elapsedS * ratePerSecond);
    const granted = Math.max(0, Math.min(want, Math.floor(available)));
    await tx.run(`UPDATE "RateLimitBucket" SET "tokens" = ?, "refilledAt" = ? WHERE "key" = ?`, [available - granted, now, key]);
    const waitMs = granted > 0 ? 0 : Math.ceil(((1 - (available - Math.floor(available))) / ratePerSecond) * 1000);
    return { granted, waitMs };
  });
}

/** Gives back tokens taken but not used (fewer messages were left to claim than were granted). */
export async function returnTokens(sql: Sql, key: string, count: number, ratePerSecond: number): Promise<void> {
  if (count <= 0) return;
  await sql.run(`UPDATE "RateLimitBucket" SET "tokens" = MIN("tokens" + ?, ?) WHERE "key" = ?`.replace("MIN(", sql.dialect === "postgres" ? "LEAST(" : "MIN("), [count, Math.max(1, ratePerSecond), key]);
}
