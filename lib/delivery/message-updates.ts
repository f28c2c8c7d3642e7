/**
 * Writes a set of state changes to messages and their attempts in one pass per table: prepared statements
 * in the caller's transaction on SQLite, one `unnest` UPDATE on PostgreSQL.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { TERMINAL_STATES } from "./states";

export interface MessageUpdate {
  messageId: number;
  attemptId: number;
  /** Whether the attempt is still the message's current one (older attempts update only themselves). */
  current: boolean;
  state: MessageState;
  providerMessageId?: string | null;
  batchId?: string | null;
  errorCode?: string | null;
  errorText?: string | null;
  rawStatus?: string | null;
  retryAt?: Date | null;
  cost?: number | null;
  /** When to poll the gateway about this message (gateways without pushed reports). */
  nextPollAt?: Date | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function applyMessageUpdates(tx: Sql, updates: MessageUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  const current = updates.filter((u) => u.current);
  if (tx.dialect === "sqlite") {
    for (const u of current) {
      await tx.run(
        `UPDATE "Message" SET "state" = ?, "providerMessageId" = COALESCE(?, "providerMessageId"), "batchId" = COALESCE(?, "batchId"),
           "errorCode" = COALESCE(?, "errorCode"), "errorText" = COALESCE(?, "errorText"), "rawStatus" = COALESCE(?, "rawStatus"), "retryAt" = ?,
           "cost" = COALESCE(?, "cost"), "claimedBy" = NULL, "nextPollAt" = ?,
           "submittedAt" = CASE WHEN ? IN ('submitted', 'sent') AND "submittedAt" IS NULL THEN ? ELSE "submittedAt" END,
           "sentAt" = CASE WHEN ? = 'sent' AND "sentAt" IS NULL THEN ? ELSE "sentAt" END,
           "finalAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
        [u.state, u.providerMessageId ?? null, u.batchId ?? null, u.errorCode ?? null, u.errorText ?? null, u.rawStatus ?? null, u.retryAt ?? null,
         u.cost ?? null, u.nextPollAt ?? null, u.state, now, u.state, now, TERMINAL_STATES.has(u.state) ? now : null, now, u.messageId],
      );
    }
    for (const u of updates) {
      await tx.run(
        `UPDATE "SendAttempt" SET "state" = ?, "providerMessageId" = COALESCE(?, "providerMessageId"), "batchId" = COALESCE(?, "batchId"),
           "errorCode" = COALESCE(?, "errorCode"), "errorText" = COALESCE(?, "errorText"), "rawStatus" = COALESCE(?, "rawStatus"),
           "cost" = COALESCE(?, "cost"), "finishedAt" = COALESCE("finishedAt", ?), "updatedAt" = ? WHERE "id" = ?`,
        [u.state, u.providerMessageId ?? null, u.batchId ?? null, u.errorCode ?? null, u.errorText ?? null, u.rawStatus ?? null, u.cost ?? null, now, now, u.attemptId],
      );
    }
    return;
  }
  const columns = (rows: MessageUpdate[]) => [
    rows.map((u) => u.messageId), rows.map((u) => u.attemptId), rows.map((u) => u.state),
    rows.map((u) => u.providerMessageId ?? null), rows.map((u) => u.batchId ?? null), rows.map((u) => u.errorCode ?? null),
    rows.map((u) => u.errorText ?? null), rows.map((u) => u.rawStatus ?? null), rows.map((u) => iso(u.retryAt)),
    rows.map((u) => (u.cost === null || u.cost === undefined ? null : String(u.cost))), rows.map((u) => TERMINAL_STATES.has(u.state)), rows.map((u) => iso(u.nextPollAt)),
  ] as string[][];
  const values = `unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamp[], ?::numeric[], ?::boolean[], ?::timestamp[])
    AS v(message_id, attempt_id, state, pmid, batch_id, error_code, error_text, raw_status, retry_at, cost, final, next_poll_at)`;
  if (current.length > 0) {
    await tx.run(
      `UPDATE "Message" m SET "state" = v.state::"MessageState", "providerMessageId" = COALESCE(v.pmid, m."providerMessageId"),
         "batchId" = COALESCE(v.batch_id, m."batchId"), "errorCode" = COALESCE(v.error_code, m."errorCode"),
         "errorText" = COALESCE(v.error_text, m."errorText"), "rawStatus" = COALESCE(v.raw_status, m."rawStatus"), "retryAt" = v.retry_at,
         "cost" = COALESCE(v.cost, m."cost"), "claimedBy" = NULL, "nextPollAt" = v.next_poll_at,
         "submittedAt" = CASE WHEN v.state IN ('submitted', 'sent') AND m."submittedAt" IS NULL THEN ?::timestamp ELSE m."submittedAt" END,
         "sentAt" = CASE WHEN v.state = 'sent' AND m."sentAt" IS NULL THEN ?::timestamp ELSE m."sentAt" END,
         "finalAt" = CASE WHEN v.final THEN ?::timestamp END, "updatedAt" = ?::timestamp
       FROM ${values} WHERE m."id" = v.message_id`,
      [now, now, now, now, ...columns(current)],
    );
  }
  await tx.run(
    `UPDATE "SendAttempt" a SET "state" = v.state::"MessageState", "providerMessageId" = COALESCE(v.pmid, a."providerMessageId"),
       "batchId" = COALESCE(v.batch_id, a."batchId"), "errorCode" = COALESCE(v.error_code, a."errorCode"),
       "errorText" = COALESCE(v.error_text, a."errorText"), "rawStatus" = COALESCE(v.raw_status, a."rawStatus"),
       "cost" = COALESCE(v.cost, a."cost"), "finishedAt" = COALESCE(a."finishedAt", ?::timestamp), "updatedAt" = ?::timestamp
     FROM ${values} WHERE a."id" = v.attempt_id`,
    [now, now, ...columns(updates)],
  );
}
