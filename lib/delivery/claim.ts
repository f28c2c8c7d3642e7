/**
 * Claiming: a worker atomically takes up to `limit` queued messages of one campaign, re-checks opt-outs
 * (a contact who opted out after launch is skipped), marks the rest `sending` and opens an attempt for
 * each. PostgreSQL locks the rows with FOR UPDATE SKIP LOCKED so several workers never take the same
 * message; SQLite has one writer per database file.
 */
import type { Sql } from "@/lib/db/sql";
import type { Encoding } from "@/lib/providers/types";
import { CounterDelta, rollupColumns, rollupFacts, type RollupFacts, type RollupRow } from "./counters";

export interface ClaimedMessage {
  id: number;
  campaignId: number;
  contactId: number;
  attemptId: number;
  attemptNumber: number;
  destination: string;
  text: string;
  encoding: Encoding;
  segments: number;
  /** The message as the dashboard rollup counts it (for the move its outcome will make). */
  rollup: Omit<RollupFacts, "at">;
}

interface Candidate extends RollupRow {
  id: number;
  contactId: number;
  destination: string;
  text: string;
  encoding: Encoding;
  segments: number;
  attemptCount: number;
  optedOut: boolean | number;
}

export async function claimMessages(sql: Sql, args: { campaignId: number; accountId: number; workerId: string; limit: number; now: Date }): Promise<ClaimedMessage[]> {
  const { campaignId, accountId, workerId, limit, now } = args;
  return sql.transaction(async (tx) => {
    const lock = tx.dialect === "postgres" ? `FOR UPDATE OF m SKIP LOCKED` : "";
    const candidates = await tx.all<Candidate>(
      `SELECT m."id", m."contactId", m."destination", m."text", m."encoding", m."segments", m."attemptCount", c."optedOut", ${rollupColumns(tx.dialect, "m")}
       FROM "Message" m JOIN "Contact" c ON c."id" = m."contactId"
       WHERE m."campaignId" = ? AND m."state" = 'queued' AND (m."retryAt" IS NULL OR m."retryAt" <= ?)
       ORDER BY m."id" LIMIT ? ${lock}`,
      [campaignId, now, limit],
    );
    if (candidates.length === 0) return [];
    const counters = new CounterDelta();
    const optedOut = candidates.filter((c) => Boolean(c.optedOut));
    if (optedOut.length > 0) {
      await tx.run(
        `UPDATE "Message" SET "state" = 'skipped', "skipReason" = 'opted_out', "finalAt" = ?, "updatedAt" = ? WHERE "id" IN (${optedOut.map(() => "?").join(", ")})`,
        [now, now, ...optedOut.map((c) => Number(c.id))],
      );
      for (const c of optedOut) counters.move(campaignId, "queued", "skipped", 1, rollupFacts(c, now));
    }
    const sendable = candidates.filter((c) => !c.optedOut);
    const attemptIds = await openAttempts(tx, sendable, accountId, workerId, now);
    for (const c of sendable) counters.move(campaignId, "queued", "sending", 1, rollupFacts(c, now));
    await counters.write(tx);
    return sendable.map((c, i) => ({
      id: Number(c.id),
      campaignId,
      contactId: Number(c.contactId),
      attemptId: attemptIds[i],
      attemptNumber: Number(c.attemptCount) + 1,
      destination: c.destination,
      text: c.text,
      encoding: c.encoding,
      segments: Number(c.segments),
      rollup: rollupFacts(c, now),
    }));
  });
}

/** Inserts one attempt per message and marks the messages `sending`; returns attempt ids in input order. */
async function openAttempts(tx: Sql, messages: Candidate[], accountId: number, workerId: string, now: Date): Promise<number[]> {
  if (messages.length === 0) return [];
  if (tx.dialect === "sqlite") {
    const ids: number[] = [];
    for (const m of messages) {
      const [row] = await tx.all<{ id: number }>(
        `INSERT INTO "SendAttempt" ("messageId", "number", "providerAccountId", "state", "createdAt", "updatedAt") VALUES (?, ?, ?, 'sending', ?, ?) RETURNING "id"`,
        [Number(m.id), Number(m.attemptCount) + 1, accountId, now, now],
      );
      ids.push(row.id);
      await tx.run(
        `UPDATE "Message" SET "state" = 'sending', "claimedBy" = ?, "claimedAt" = ?, "attemptCount" = ?, "currentAttemptId" = ?, "retryAt" = NULL, "updatedAt" = ? WHERE "id" = ?`,
        [workerId, now, Number(m.attemptCount) + 1, row.id, now, Number(m.id)],
      );
    }
    return ids;
  }
  const rows = await tx.all<{ id: number; messageId: number }>(
    `INSERT INTO "SendAttempt" ("messageId", "number", "providerAccountId", "state", "createdAt", "updatedAt")
     SELECT v.message_id, v.number, ?, 'sending', ?::timestamp, ?::timestamp FROM unnest(?::int[], ?::int[]) AS v(message_id, number)
     RETURNING "id", "messageId"`,
    [accountId, now, now, messages.map((m) => Number(m.id)), messages.map((m) => Number(m.attemptCount) + 1)],
  );
  const attemptOf = new Map(rows.map((r) => [Number(r.messageId), Number(r.id)]));
  const ids = messages.map((m) => attemptOf.get(Number(m.id))!);
  await tx.run(
    `UPDATE "Message" m SET "state" = 'sending', "claimedBy" = ?, "claimedAt" = ?::timestamp, "attemptCount" = m."attemptCount" + 1,
       "currentAttemptId" = v.attempt_id, "retryAt" = NULL, "updatedAt" = ?::timestamp
     FROM unnest(?::int[], ?::int[]) AS v(id, attempt_id) WHERE m."id" = v.id`,
    [workerId, now, now, messages.map((m) => Number(m.id)), ids],
  );
  return ids;
}

/**
 * Records that the request carrying these attempts is about to leave: from now on a crash means `unknown`.
 * Returns the attempts this worker still holds. One whose claim another worker recovered meanwhile (this
 * worker stalled past `staleClaimMs`, and the message may already be queued again) is no longer `sending`
 * and must not be sent, or its number could be handed over twice.
 */
export async function markRequestStarted(sql: Sql, attemptIds: number[], now: Date): Promise<Set<number>> {
  const held = new Set<number>();
  for (let i = 0; i < attemptIds.length; i += 900) {
    const chunk = attemptIds.slice(i, i + 900);
    const rows = await sql.all<{ id: number }>(
      `UPDATE "SendAttempt" SET "requestStartedAt" = ? WHERE "id" IN (${chunk.map(() => "?").join(", ")}) AND "state" = 'sending' RETURNING "id"`,
      [now, ...chunk],
    );
    for (const row of rows) held.add(Number(row.id));
  }
  return held;
}
