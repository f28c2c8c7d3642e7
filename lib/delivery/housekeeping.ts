/**
 * The engine's periodic chores, each idempotent and safe with several workers: recovering messages held
 * by a worker that died, expiring messages past their validity, and completing finished campaigns.
 */
import type { Sql } from "@/lib/db/sql";
import { oneOf, rowValues } from "@/lib/db/row-values";
import { CounterDelta, moveMessages, rollupColumns, rollupFacts, type RollupRow } from "./counters";

/**
 * Messages left `sending` by a worker that stopped: if their request never started they go back to
 * `queued` (nothing left); if it started they become `unknown` (it may have reached the gateway) and are
 * never re-sent automatically.
 */
export async function recoverStaleClaims(sql: Sql, claimedBefore: Date, now = new Date()): Promise<{ requeued: number; unknown: number }> {
  return sql.transaction(async (tx) => {
    const rows = await tx.all<StaleClaim>(
      `SELECT m."id", m."campaignId", a."id" AS "attemptId", a."requestStartedAt" AS started, ${rollupColumns(tx.dialect, "m")}
       FROM "Message" m JOIN "SendAttempt" a ON a."id" = m."currentAttemptId"
       WHERE m."state" = 'sending' AND m."claimedAt" < ? LIMIT 5000`,
      [claimedBefore],
    );
    const counters = new CounterDelta();
    const requeued = await release(tx, counters, rows.filter((row) => !row.started), "queued", now);
    const unknown = await release(tx, counters, rows.filter((row) => row.started), "unknown", now);
    await counters.write(tx);
    return { requeued, unknown };
  });
}

type StaleClaim = RollupRow & { id: number; campaignId: number; attemptId: number; started: string | Date | null };

/** What a released claim's attempt becomes, and why; the message shows the reason only when it stays `unknown`. */
const RELEASE = {
  queued: { attemptState: "canceled", reason: "the worker stopped before sending" },
  unknown: { attemptState: "unknown", reason: "the worker stopped after the request started; it may have reached the gateway" },
} as const;

/**
 * Moves stale claims to `to` in one statement per table. A message moves only while it is still `sending`
 * on the same attempt: another worker's recovery (PostgreSQL, several workers) or the stalled worker's own
 * outcome may have moved it since the SELECT, and it must be counted once.
 */
async function release(tx: Sql, counters: CounterDelta, rows: StaleClaim[], to: keyof typeof RELEASE, now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const { attemptState, reason } = RELEASE[to];
  const claims = rowValues(tx.dialect, "v", { message_id: "int", attempt_id: "int" }, rows.map((row) => [Number(row.id), Number(row.attemptId)]));
  const moved = await tx.all<{ id: number }>(
    `UPDATE "Message" AS m SET "state" = ?, "claimedBy" = NULL, "errorText" = ?, "updatedAt" = ?
     FROM ${claims.sql} WHERE m."id" = v.message_id AND m."state" = 'sending' AND m."currentAttemptId" = v.attempt_id
     RETURNING "id"`,
    [to, to === "unknown" ? reason : null, now, ...claims.params],
  );
  const movedIds = new Set(moved.map((row) => Number(row.id)));
  const releasedRows = rows.filter((row) => movedIds.has(Number(row.id)));
  if (releasedRows.length === 0) return 0;
  const attempts = oneOf(tx.dialect, `"id"`, "int", releasedRows.map((row) => Number(row.attemptId)));
  await tx.run(`UPDATE "SendAttempt" SET "state" = ?, "errorText" = ?, "finishedAt" = ?, "updatedAt" = ? WHERE ${attempts.sql}`, [attemptState, reason, now, now, ...attempts.params]);
  for (const row of releasedRows) counters.move(Number(row.campaignId), "sending", to, 1, rollupFacts(row, now));
  return releasedRows.length;
}

/** Queued messages whose validity ran out become `expired`. */
export async function expireMessages(sql: Sql, now = new Date()): Promise<number> {
  return sql.transaction(async (tx) => {
    const counters = new CounterDelta();
    const changed = await moveMessages(tx, counters, {
      from: "queued",
      to: "expired",
      set: `"state" = 'expired', "errorText" = 'validity ran out before it could be sent', "finalAt" = ?, "updatedAt" = ?`,
      setParams: [now, now],
      where: `m."state" = 'queued' AND m."expiresAt" < ?`,
      whereParams: [now],
      now,
    });
    await counters.write(tx);
    return changed;
  });
}

/** Sending campaigns with nothing left queued or in flight are completed. */
export async function completeFinishedCampaigns(sql: Sql, now = new Date()): Promise<number> {
  return sql.run(
    `UPDATE "Campaign" SET "status" = 'completed', "completedAt" = ?, "updatedAt" = ?
     WHERE "status" = 'sending' AND "launchedAt" IS NOT NULL AND "queuedCount" = 0 AND "sendingCount" = 0`,
    [now, now],
  );
}
