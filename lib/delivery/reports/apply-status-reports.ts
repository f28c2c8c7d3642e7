/**
 * Applies a run of status (and raw) reports set-based: one query finds every attempt they name, the
 * forward-only rule runs in memory in arrival order, and the results are written with one statement per
 * table. The outcome is the same as applying the reports one by one (`applyReport`): a report sees the
 * state its predecessors in the run left, each is stored as a DeliveryEvent, and an unknown id waits.
 * PostgreSQL runs the same rules as one statement (apply-status-reports.postgres.ts); a change here must be
 * made there too, and apply-status-reports.test.ts compares the two ledgers.
 */
import { castFor, type RowValue, rowValues } from "@/lib/db/row-values";
import type { Sql } from "@/lib/db/sql";
import type { ReportEvent } from "@/lib/providers/types";
import { type CounterDelta, hourOf, rollupColumns, rollupFacts } from "../counters";
import { applyMessageUpdates, type MessageUpdate } from "../message-updates";
import { isForward } from "../states";
import { type ApplyResult, keepUnmatched, optOutReported } from "./apply-report";
import { type MatchedAttempt, normaliseMatch } from "./match-attempt";

export type StatusReport = Extract<ReportEvent, { kind: "status" | "raw" }>;

export async function applyStatusReports(tx: Sql, accountId: number, events: StatusReport[], now: Date, counters: CounterDelta): Promise<ApplyResult[]> {
  const matches = await latestAttempts(tx, accountId, [...new Set(events.map((e) => e.providerMessageId))]);
  const updates = new Map<number, MessageUpdate>();
  const stored: RowValue[][] = [];
  const optOuts: { rawStatus: string; contactId: number | null }[] = [];
  const results: ApplyResult[] = [];
  for (const event of events) {
    const match = matches.get(event.providerMessageId);
    if (!match) {
      await keepUnmatched(tx, accountId, event, now);
      results.push("unmatched");
      continue;
    }
    const forward = event.kind === "status" && isForward(match.attemptState, event.state);
    stored.push([match.messageId, match.attemptId, event.providerMessageId, event.kind === "status" ? event.state : null, event.rawStatus,
      event.errorCode ?? null, event.kind === "status" ? (event.errorText ?? null) : null, forward, event.kind === "status" ? (event.occurredAt ?? null) : null]);
    if (!forward || event.kind !== "status") {
      results.push("unchanged");
      continue;
    }
    const current = match.currentAttemptId === match.attemptId;
    const previous = updates.get(match.attemptId);
    // Later reports of the run win; a value a later one lacks is kept, as COALESCE does report by report.
    updates.set(match.attemptId, {
      messageId: match.messageId,
      attemptId: match.attemptId,
      current,
      state: event.state,
      errorCode: event.errorCode ?? previous?.errorCode ?? null,
      errorText: event.errorText ?? previous?.errorText ?? null,
      rawStatus: event.rawStatus,
      cost: event.cost?.amount ?? previous?.cost ?? null,
      passedSent: event.state === "sent" || previous?.passedSent,
    });
    if (current) {
      counters.move(match.campaignId, match.messageState, event.state, 1, rollupFacts(match, now, event.cost?.amount));
      moveInMemory(match, event, now);
    }
    match.attemptState = event.state;
    if (event.optOut) optOuts.push({ rawStatus: event.rawStatus, contactId: match.contactId });
    results.push("applied");
  }
  await storeEvents(tx, accountId, stored, now);
  await applyMessageUpdates(tx, [...updates.values()], now);
  await optOutReported(tx, optOuts, now);
  return results;
}

/** What the next report of the run must see: the message's new state and the rollup hour and cost it now has. */
function moveInMemory(match: MatchedAttempt, event: Extract<StatusReport, { kind: "status" }>, now: Date): void {
  match.messageState = event.state;
  // As CounterDelta.move: the first move to `sent` sets submittedAt, which fixes the message's rollup hour.
  if (!match.rollupSubmitted && event.state === "sent") {
    match.rollupSubmitted = true;
    match.rollupBucket = hourOf(now);
  }
  if (event.cost) match.rollupCost = event.cost.amount;
}

/**
 * The latest attempt carrying each provider id (an id may repeat across re-sends), looked up id by id
 * through the (account, provider id) index: a plain IN over a freshly grown table let PostgreSQL's stale
 * statistics pick a scan of the account's every attempt.
 */
async function latestAttempts(tx: Sql, accountId: number, providerMessageIds: string[]): Promise<Map<string, MatchedAttempt>> {
  const ids = rowValues(tx.dialect, "v", { id: "text" }, providerMessageIds.map((id) => [id]));
  const rows = await tx.all<MatchedAttempt & { providerMessageId: string }>(
    `SELECT a."providerMessageId", a."id" AS "attemptId", a."state" AS "attemptState", m."id" AS "messageId", m."state" AS "messageState",
       m."currentAttemptId", m."campaignId", m."contactId", ${rollupColumns(tx.dialect, "m")}
     FROM (SELECT (SELECT latest."id" FROM "SendAttempt" latest WHERE latest."providerAccountId" = ? AND latest."providerMessageId" = v.id
                   ORDER BY latest."id" DESC LIMIT 1) AS "attemptId" FROM ${ids.sql}) AS named
     JOIN "SendAttempt" a ON a."id" = named."attemptId" JOIN "Message" m ON m."id" = a."messageId"`,
    [accountId, ...ids.params],
  );
  return new Map(rows.map((row) => [row.providerMessageId, normaliseMatch(row)]));
}

async function storeEvents(tx: Sql, accountId: number, rows: RowValue[][], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const cast = castFor(tx.dialect);
  const v = rowValues(
    tx.dialect,
    "v",
    { message_id: "int", attempt_id: "int", pmid: "text", state: "text", raw_status: "text", error_code: "text", error_text: "text", applied: "boolean", occurred_at: "timestamp" },
    rows,
  );
  await tx.run(
    `INSERT INTO "DeliveryEvent" ("providerAccountId", "messageId", "attemptId", "providerMessageId", "state", "rawStatus", "errorCode", "errorText", "applied", "occurredAt", "receivedAt")
     SELECT ?${cast("int")}, v.message_id, v.attempt_id, v.pmid, v.state${cast('"MessageState"')}, v.raw_status, v.error_code, v.error_text, v.applied, v.occurred_at, ?${cast("timestamp")}
     FROM ${v.sql}`,
    [accountId, now, ...v.params],
  );
}
