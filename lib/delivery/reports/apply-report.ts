/**
 * Applies one gateway report to the ledger, forward-only: every report is stored as a DeliveryEvent, but
 * it moves its attempt (and its message, when the attempt is the current one) only to a later state.
 * A report whose id is not known yet is kept as an UnmatchedReport and applied when the id arrives.
 */
import { changeOptOut } from "@/lib/contacts/opt-out";
import type { Sql } from "@/lib/db/sql";
import type { ReportEvent } from "@/lib/providers/types";
import { CounterDelta, rollupFacts } from "../counters";
import { applyMessageUpdates } from "../message-updates";
import { isForward } from "../states";
import { attemptByBatch, attemptByProviderId, type MatchedAttempt } from "./match-attempt";
import { applyPendingReports } from "./pending-reports";

/** How long a report that overtook its id is kept waiting for it. */
export const UNMATCHED_TTL_MS = 24 * 3600_000;

export type ApplyResult = "applied" | "unchanged" | "unmatched";

export async function applyReport(tx: Sql, accountId: number, event: ReportEvent, now: Date, counters: CounterDelta): Promise<ApplyResult> {
  const match = event.kind === "batch-result"
    ? await attemptByBatch(tx, accountId, event.batchId, event.to)
    : await attemptByProviderId(tx, accountId, event.providerMessageId);
  if (!match) {
    await keepUnmatched(tx, accountId, event, now);
    return "unmatched";
  }
  if (event.kind === "batch-result") return applyBatchResult(tx, accountId, match, event, now, counters);

  const to = event.kind === "status" ? event.state : match.attemptState;
  const forward = event.kind === "status" && isForward(match.attemptState, to);
  await insertEvent(tx, accountId, match, event.providerMessageId, event.kind === "status" ? event.state : null, event, forward, now);
  if (!forward || event.kind !== "status") return "unchanged";
  const current = match.currentAttemptId === match.attemptId;
  await applyMessageUpdates(tx, [{
    messageId: match.messageId,
    attemptId: match.attemptId,
    current,
    state: to,
    errorCode: event.errorCode ?? null,
    errorText: event.errorText ?? null,
    rawStatus: event.rawStatus,
    cost: event.cost?.amount ?? null,
  }], now);
  if (current) counters.move(match.campaignId, match.messageState, to, 1, rollupFacts(match, now, event.cost?.amount));
  if (event.optOut) await optOutReported(tx, [{ rawStatus: event.rawStatus, contactId: match.contactId }], now);
  return "applied";
}

/** MTTM's per-recipient batch callback: the id of an accepted message, or its refusal (final, or to retry). */
async function applyBatchResult(tx: Sql, accountId: number, match: MatchedAttempt, event: Extract<ReportEvent, { kind: "batch-result" }>, now: Date, counters: CounterDelta): Promise<ApplyResult> {
  const refusedState = event.retryable ? "queued" : "rejected";
  // A retryable refusal of a batch we thought accepted sends the message back to the queue (a new attempt).
  const forward = !event.accepted && (event.retryable ? match.attemptState === "submitted" : isForward(match.attemptState, "rejected"));
  await insertEvent(tx, accountId, match, event.providerMessageId ?? null, event.accepted ? null : refusedState, { rawStatus: event.accepted ? "batch callback" : "batch errback", errorText: event.errorText }, event.accepted || forward, now);
  if (!event.accepted && !forward) return "unchanged";
  const to = event.accepted ? match.attemptState : refusedState;
  const current = match.currentAttemptId === match.attemptId;
  await applyMessageUpdates(tx, [{
    messageId: match.messageId, attemptId: match.attemptId, current, state: to,
    providerMessageId: event.providerMessageId ?? null, errorText: event.errorText ?? null,
    retryAt: event.retryable ? new Date(now.getTime() + 1000) : null,
  }], now);
  if (current && forward) counters.move(match.campaignId, match.messageState, to, 1, rollupFacts(match, now));
  if (event.providerMessageId) await applyPendingReports(tx, accountId, [event.providerMessageId], now, counters);
  return "applied";
}

async function insertEvent(
  tx: Sql, accountId: number, match: MatchedAttempt | null, providerMessageId: string | null, state: string | null,
  event: { rawStatus: string; errorCode?: string; errorText?: string; occurredAt?: Date }, applied: boolean, now: Date,
): Promise<void> {
  await tx.run(
    `INSERT INTO "DeliveryEvent" ("providerAccountId", "messageId", "attemptId", "providerMessageId", "state", "rawStatus", "errorCode", "errorText", "applied", "occurredAt", "receivedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [accountId, match?.messageId ?? null, match?.attemptId ?? null, providerMessageId, state, event.rawStatus, event.errorCode ?? null, event.errorText ?? null, applied, event.occurredAt ?? null, now],
  );
}

export async function keepUnmatched(tx: Sql, accountId: number, event: ReportEvent, now: Date): Promise<void> {
  const isBatch = event.kind === "batch-result";
  await tx.run(
    `INSERT INTO "UnmatchedReport" ("providerAccountId", "providerMessageId", "batchId", "destination", "event", "receivedAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [accountId, isBatch ? null : event.providerMessageId, isBatch ? event.batchId : null, isBatch ? event.to : null, JSON.stringify(event), now, new Date(now.getTime() + UNMATCHED_TTL_MS)],
  );
}

/** Opts out the contacts whose delivery reports carried an opt-out code, one change per reported status (a deleted contact has none to change). */
export async function optOutReported(tx: Sql, reported: { rawStatus: string; contactId: number | null }[], now: Date): Promise<void> {
  const byStatus = new Map<string, number[]>();
  for (const { rawStatus, contactId } of reported) {
    if (contactId === null) continue;
    const contactIds = byStatus.get(rawStatus);
    if (contactIds) contactIds.push(contactId);
    else byStatus.set(rawStatus, [contactId]);
  }
  for (const [rawStatus, contactIds] of byStatus) {
    await changeOptOut(tx, contactIds, true, { source: "gateway", detail: `delivery report ${rawStatus}`, actor: null }, now);
  }
}
