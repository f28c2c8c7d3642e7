/**
 * The engine's periodic chores, each idempotent and safe with several workers: recovering messages held
 * by a worker that died, expiring messages past their validity, and completing finished campaigns.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { CounterDelta, moveMessages, rollupColumns, rollupFacts, type RollupRow } from "./counters";

/**
 * Messages left `sending` by a worker that stopped: if their request never started they go back to
 * `queued` (nothing left); if it started they become `unknown` (it may have reached the gateway) and are
 * never re-sent automatically.
 */
export async function recoverStaleClaims(sql: Sql, claimedBefore: Date, now = new Date()): Promise<{ requeued: number; unknown: number }> {
  return sql.transaction(async (tx) => {
    const rows = await tx.all<RollupRow & { id: number; campaignId: number; attemptId: number; started: string | Date | null }>(
      `SELECT m."id", m."campaignId", a."id" AS "attemptId", a."requestStartedAt" AS started, ${rollupColumns(tx.dialect, "m")}
       FROM "Message" m JOIN "SendAttempt" a ON a."id" = m."currentAttemptId"
       WHERE m."state" = 'sending' AND m."claimedAt" < ? LIMIT 5000`,
      [claimedBefore],
    );
    const counters = new CounterDelta();
    let requeued = 0;
    let moved = 0;
    for (const row of rows) {
      const to: MessageState = row.started ? "unknown" : "queued";
      const reason = row.started ? "the worker stopped after the request started; it may have reached the gateway" : "the worker stopped before sending";
      const changed = await tx.run(
        `UPDATE "Message" SET "state" = ?, "claimedBy" = NULL, "errorText" = ?, "updatedAt" = ? WHERE "id" = ? AND "state" = 'sending' AND "currentAttemptId" = ?`,
        [to, row.started ? reason : null, now, Number(row.id), Number(row.attemptId)],
      );
      // Another worker's recovery moved it after our SELECT (PostgreSQL, several workers): count it once.
      // Counting regardless left `sending` negative and `unknown` too high (crash-recovery.test.ts).
      if (changed === 0) continue;
      await tx.run(`UPDATE "SendAttempt" SET "state" = ?, "errorText" = ?, "finishedAt" = ?, "updatedAt" = ? WHERE "id" = ?`, [row.started ? "unknown" : "canceled", reason, now, now, Number(row.attemptId)]);
      counters.move(Number(row.campaignId), "sending", to, 1, rollupFacts(row, now));
      moved += 1;
      if (!row.started) requeued += 1;
    }
    await counters.write(tx);
    return { requeued, unknown: moved - requeued };
  });
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
