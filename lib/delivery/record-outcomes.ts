/**
 * Turns the adapter's outcomes for a claimed batch into ledger states, in one transaction with the
 * campaign counters: accepted → submitted (or sent), rejected → rejected (final), retryable → queued again
 * with backoff (up to MAX_ATTEMPTS), unknown → unknown (never re-sent automatically). Reports that arrived
 * before the ids they name are applied as soon as the ids are recorded.
 */
import { changeOptOut } from "@/lib/contacts/opt-out";
import type { Sql } from "@/lib/db/sql";
import type { MessageState, SendOutcome } from "@/lib/providers/types";
import type { ClaimedMessage } from "./claim";
import { CounterDelta, type RollupFacts } from "./counters";
import { applyMessageUpdates, type MessageUpdate } from "./message-updates";
import { applyPendingBatch, applyPendingReports } from "./reports/pending-reports";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";

export interface RecordResult {
  accepted: number;
  rejected: number;
  retryable: number;
  unknown: number;
  /** The longest wait a gateway asked for (throughput refusals), so the worker can slow down. */
  backoffMs: number;
}

/** `pollAfterMs`: for gateways whose reports must be polled, when to ask first about accepted messages. */
export async function recordOutcomes(sql: Sql, accountId: number, claimed: ClaimedMessage[], outcomes: SendOutcome[], now = new Date(), pollAfterMs?: number): Promise<RecordResult> {
  const byAttempt = new Map(outcomes.map((o) => [o.attemptId, o]));
  const result: RecordResult = { accepted: 0, rejected: 0, retryable: 0, unknown: 0, backoffMs: 0 };
  const updates: MessageUpdate[] = [];
  const moves = new Map<string, { campaignId: number; to: MessageState; count: number; facts: RollupFacts }>();
  const optOuts: number[] = [];
  for (const message of claimed) {
    // An adapter that lost track of a message gives no outcome: we cannot know whether it left.
    const outcome = byAttempt.get(String(message.attemptId)) ?? { kind: "unknown", attemptId: String(message.attemptId), reason: "no outcome returned by the adapter" };
    const update = updateFor(message, outcome, now);
    if (outcome.kind === "accepted" && pollAfterMs !== undefined) update.nextPollAt = new Date(now.getTime() + pollAfterMs);
    result[outcome.kind] += 1;
    if (outcome.kind === "retryable") result.backoffMs = Math.max(result.backoffMs, outcome.retryAfterMs);
    if (outcome.kind === "rejected" && outcome.optOut) optOuts.push(message.contactId);
    updates.push(update);
    // Messages that make the same move are counted as one group: a batch is mostly one group.
    const { rollup } = message;
    const key = `${message.campaignId}|${update.state}|${rollup.accountId}|${rollup.bucket}|${rollup.submitted}`;
    const move = moves.get(key);
    if (move) {
      move.count += 1;
      move.facts.segments += rollup.segments;
      move.facts.cost += rollup.cost;
    } else moves.set(key, { campaignId: message.campaignId, to: update.state, count: 1, facts: { ...rollup, at: now } });
  }
  const counters = new CounterDelta();
  for (const move of moves.values()) counters.move(move.campaignId, "sending", move.to, move.count, move.facts);
  await sql.transaction(async (tx) => {
    await applyMessageUpdates(tx, updates, now);
    await counters.write(tx);
    if (optOuts.length > 0) await changeOptOut(tx, optOuts, true, { source: "gateway", detail: "the gateway reported an opt-out or do-not-disturb number", actor: null }, now);
    const ids = updates.map((u) => u.providerMessageId).filter((id): id is string => Boolean(id));
    if (ids.length > 0) await applyPendingReports(tx, accountId, ids, now);
    const batches = new Set(updates.map((u) => u.batchId).filter((id): id is string => Boolean(id)));
    for (const batchId of batches) await applyPendingBatch(tx, accountId, batchId, now);
  });
  return result;
}

function updateFor(message: ClaimedMessage, outcome: SendOutcome, now: Date): MessageUpdate {
  // Every field set, in one order: one object shape for the whole batch, which the statement builders read fast.
  const update: MessageUpdate = {
    messageId: message.id, attemptId: message.attemptId, current: true, state: "unknown", providerMessageId: null, batchId: null,
    errorCode: null, errorText: null, rawStatus: null, retryAt: null, cost: null, nextPollAt: null, passedSent: false,
  };
  switch (outcome.kind) {
    case "accepted":
      update.state = outcome.state ?? "submitted";
      update.providerMessageId = outcome.providerMessageId ?? null;
      update.batchId = outcome.batchId ?? null;
      update.rawStatus = outcome.raw ?? null;
      return update;
    case "rejected":
      update.state = "rejected";
      update.errorCode = outcome.code;
      update.errorText = outcome.reason;
      return update;
    case "unknown":
      update.errorText = outcome.reason;
      return update;
    case "retryable":
      update.errorCode = outcome.code;
      if (message.attemptNumber >= MAX_ATTEMPTS) {
        update.state = "rejected";
        update.errorText = `gave up after ${MAX_ATTEMPTS} attempts: ${outcome.reason}`;
      } else {
        update.state = "queued";
        update.errorText = outcome.reason;
        update.retryAt = new Date(now.getTime() + retryDelayMs(message.attemptNumber, outcome.retryAfterMs));
      }
      return update;
  }
}
