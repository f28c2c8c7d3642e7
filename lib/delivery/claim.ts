/**
 * Claiming: a worker atomically takes up to `limit` queued messages of one campaign, re-checks opt-outs
 * (a contact who opted out or was deleted after launch is skipped), marks the rest `sending` and opens an
 * attempt for each. PostgreSQL locks the rows with FOR UPDATE SKIP LOCKED so several workers never take the same
 * message; SQLite has one writer per database file.
 */
import type { Sql } from "@/lib/db/sql";
import type { Encoding } from "@/lib/providers/types";
import { CounterDelta, rollupColumns, rollupFacts, type RollupFacts, type RollupRow } from "./counters";
import { castFor, oneOf, rowValues } from "@/lib/db/row-values";

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
  /** Null when the contact was deleted after launch. */
  contactId: number | null;
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
       FROM "Message" m LEFT JOIN "Contact" c ON c."id" = m."contactId"
       WHERE m."campaignId" = ? AND m."state" = 'queued' AND (m."retryAt" IS NULL OR m."retryAt" <= ?)
       ORDER BY m."id" LIMIT ? ${lock}`,
      [campaignId, now, limit],
    );
    if (candidates.length === 0) return [];
    const counters = new CounterDelta();
    const reasons = candidates.map(skipReason);
    const skipped = candidates.filter((_, i) => reasons[i] !== null);
    if (skipped.length > 0) {
      const v = rowValues(tx.dialect, "v", { id: "int", reason: "text" }, candidates.flatMap((c, i) => (reasons[i] === null ? [] : [[Number(c.id), reasons[i]]])));
      await tx.run(`UPDATE "Message" AS m SET "state" = 'skipped', "skipReason" = v.reason, "finalAt" = ?, "updatedAt" = ? FROM ${v.sql} WHERE m."id" = v.id`, [now, now, ...v.params]);
      for (const c of skipped) counters.move(campaignId, "queued", "skipped", 1, rollupFacts(c, now));
    }
    const sendable = candidates.filter((_, i) => reasons[i] === null);
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

/** Why a claimed message must not be sent after all, or null. */
function skipReason(candidate: Candidate): "contact_deleted" | "opted_out" | null {
  if (candidate.contactId === null) return "contact_deleted";
  return candidate.optedOut ? "opted_out" : null;
}

/** Inserts one attempt per message and marks the messages `sending`, in one statement each; returns attempt ids in input order. */
async function openAttempts(tx: Sql, messages: Candidate[], accountId: number, workerId: string, now: Date): Promise<number[]> {
  if (messages.length === 0) return [];
  const cast = castFor(tx.dialect);
  const numbered = rowValues(tx.dialect, "v", { message_id: "int", number: "int" }, messages.map((m) => [Number(m.id), Number(m.attemptCount) + 1]));
  const rows = await tx.all<{ id: number; messageId: number }>(
    `INSERT INTO "SendAttempt" ("messageId", "number", "providerAccountId", "state", "createdAt", "updatedAt")
     SELECT v.message_id, v.number, ?${cast("int")}, 'sending', ?${cast("timestamp")}, ?${cast("timestamp")} FROM ${numbered.sql}
     RETURNING "id", "messageId"`,
    [accountId, now, now, ...numbered.params],
  );
  const attemptOf = new Map(rows.map((r) => [Number(r.messageId), Number(r.id)]));
  const ids = messages.map((m) => attemptOf.get(Number(m.id))!);
  const attempts = rowValues(tx.dialect, "v", { id: "int", attempt_id: "int" }, messages.map((m, i) => [Number(m.id), ids[i]]));
  await tx.run(
    `UPDATE "Message" AS m SET "state" = 'sending', "claimedBy" = ?, "claimedAt" = ?, "attemptCount" = m."attemptCount" + 1,
       "currentAttemptId" = v.attempt_id, "retryAt" = NULL, "updatedAt" = ?
     FROM ${attempts.sql} WHERE m."id" = v.id`,
    [workerId, now, now, ...attempts.params],
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
  const attempts = oneOf(sql.dialect, `"id"`, "int", attemptIds);
  const rows = await sql.all<{ id: number }>(
    `UPDATE "SendAttempt" SET "requestStartedAt" = ? WHERE ${attempts.sql} AND "state" = 'sending' RETURNING "id"`,
    [now, ...attempts.params],
  );
  return new Set(rows.map((row) => Number(row.id)));
}
