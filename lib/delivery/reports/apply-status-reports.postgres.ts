/**
 * PostgreSQL's `applyStatusReports`: the same rules in one prepared statement of fixed text, the reports
 * passed as arrays. A webhook round is a handful of reports, so its cost was round trips and planning, not
 * rows: seven statements each parsed and planned, plus BEGIN and COMMIT. Here one statement matches the
 * attempts, judges each report forward or not in arrival order, stores the events and the unmatched
 * reports, moves messages and attempts, and writes the campaign counters and the rollup. A statement is its
 * own transaction, so outside one nothing else is needed; opt-outs (rare) are written by the caller's
 * transaction after it (`optOutReported`).
 *
 * Forward-only in arrival order as set-based SQL: `isForward(from, to)` is `rank(to) > rank(from)`
 * (apply-status-reports.test.ts checks every pair), and an applied report raises the attempt's rank to its own. So a report applies exactly when it outranks its attempt's state and every
 * earlier report of the round for that attempt, and the attempt ends in the last applied report's state.
 * A message moves only with its current attempt; its counters and rollup move once, from the state, hour
 * and cost it had to those the last applied report leaves (the net of `applyStatusReports`' step-by-step
 * moves).
 *
 * Lock order as everywhere else: messages, attempts, campaigns (by id), rollup rows (by key), so writers on
 * other connections never deadlock with this one.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { COUNTER_COLUMN, MESSAGE_STATES, TERMINAL_STATES } from "../states";
import { type ApplyResult, optOutReported, UNMATCHED_TTL_MS } from "./apply-report";
import type { StatusReport } from "./apply-status-reports";

/** `isForward` as an order: a state may follow exactly those of lower rank (`unknown` sits below `submitted`). */
export const FORWARD_RANK: Record<MessageState, number> = {
  queued: 0, sending: 1, unknown: 2, submitted: 3, sent: 4,
  delivered: 5, undelivered: 5, failed: 5, expired: 5, rejected: 5, skipped: 5, canceled: 5,
};

const rank = (state: string) => `CASE ${state} ${MESSAGE_STATES.map((s) => `WHEN '${s}' THEN ${FORWARD_RANK[s]}`).join(" ")} END`;
const list = (states: Iterable<MessageState>) => [...states].map((s) => `'${s}'`).join(", ");
/** A campaign counter's change: messages that moved into `state` less those that moved out of it. */
const counterDelta = (state: MessageState) => `SUM((to_state = '${state}')::int - (from_state = '${state}')::int) AS "${state}"`;

const STATEMENT = `
WITH report AS (
  SELECT * FROM unnest($4::text[], $5::"MessageState"[], $6::text[], $7::text[], $8::text[], $9::timestamp[], $10::numeric[], $11::jsonb[])
    WITH ORDINALITY AS r(pmid, state, raw_status, error_code, error_text, occurred_at, cost, event, ord)
), matched AS (
  SELECT named.pmid, a."id" AS attempt_id, a."state" AS attempt_state, m."id" AS message_id, m."state" AS message_state,
    m."currentAttemptId" IS NOT DISTINCT FROM a."id" AS current, m."campaignId" AS campaign_id, m."contactId" AS contact_id,
    m."providerAccountId" AS account_id, date_trunc('hour', COALESCE(m."submittedAt", m."createdAt")) AS bucket,
    m."submittedAt" IS NOT NULL AS submitted, COALESCE(m."segments", 0) AS segments, COALESCE(m."cost", 0) AS message_cost
  FROM (SELECT DISTINCT pmid FROM report) AS named
  CROSS JOIN LATERAL (SELECT latest."id" FROM "SendAttempt" latest WHERE latest."providerAccountId" = $1::int AND latest."providerMessageId" = named.pmid
                      ORDER BY latest."id" DESC LIMIT 1) AS latest
  JOIN "SendAttempt" a ON a."id" = latest."id" JOIN "Message" m ON m."id" = a."messageId"
), judged AS (
  SELECT r.*, x.attempt_id, x.attempt_state, x.message_id, x.message_state, x.current, x.campaign_id, x.contact_id, x.account_id,
    x.bucket, x.submitted, x.segments, x.message_cost,
    COALESCE(${rank("r.state")} > GREATEST(${rank("x.attempt_state")},
      MAX(${rank("r.state")}) OVER (PARTITION BY x.attempt_id ORDER BY r.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)), false) AS applied
  FROM report r LEFT JOIN matched x ON x.pmid = r.pmid
), moved AS (
  SELECT attempt_id, message_id, current, campaign_id, account_id, message_state, bucket, submitted, segments, message_cost,
    (array_agg(state ORDER BY ord DESC))[1] AS state,
    (array_agg(raw_status ORDER BY ord DESC))[1] AS raw_status,
    (array_agg(error_code ORDER BY ord DESC) FILTER (WHERE error_code IS NOT NULL))[1] AS error_code,
    (array_agg(error_text ORDER BY ord DESC) FILTER (WHERE error_text IS NOT NULL))[1] AS error_text,
    (array_agg(cost ORDER BY ord DESC) FILTER (WHERE cost IS NOT NULL))[1] AS cost,
    bool_or(state = 'sent') AS reached_sent
  FROM judged WHERE applied
  GROUP BY attempt_id, message_id, current, campaign_id, account_id, message_state, bucket, submitted, segments, message_cost
), message_update AS (
  UPDATE "Message" AS m SET "state" = v.state, "claimedBy" = NULL, "errorCode" = COALESCE(v.error_code, m."errorCode"),
    "errorText" = COALESCE(v.error_text, m."errorText"), "rawStatus" = COALESCE(v.raw_status, m."rawStatus"), "cost" = COALESCE(v.cost, m."cost"),
    "retryAt" = NULL, "nextPollAt" = NULL,
    "submittedAt" = CASE WHEN (v.state = 'submitted' OR v.reached_sent) AND m."submittedAt" IS NULL THEN $2::timestamp ELSE m."submittedAt" END,
    "sentAt" = CASE WHEN v.reached_sent AND m."sentAt" IS NULL THEN $2::timestamp ELSE m."sentAt" END,
    "finalAt" = CASE WHEN v.state IN (${list(TERMINAL_STATES)}) THEN $2::timestamp END, "updatedAt" = $2::timestamp
  FROM moved v WHERE m."id" = v.message_id AND v.current
  RETURNING m."id"
), attempt_update AS (
  UPDATE "SendAttempt" AS a SET "state" = v.state, "errorCode" = COALESCE(v.error_code, a."errorCode"), "errorText" = COALESCE(v.error_text, a."errorText"),
    "rawStatus" = COALESCE(v.raw_status, a."rawStatus"), "cost" = COALESCE(v.cost, a."cost"), "finishedAt" = COALESCE(a."finishedAt", $2::timestamp), "updatedAt" = $2::timestamp
  FROM moved v WHERE a."id" = v.attempt_id AND (SELECT count(*) FROM message_update) >= 0
  RETURNING a."id"
), stored AS (
  INSERT INTO "DeliveryEvent" ("providerAccountId", "messageId", "attemptId", "providerMessageId", "state", "rawStatus", "errorCode", "errorText", "applied", "occurredAt", "receivedAt")
  SELECT $1::int, message_id, attempt_id, pmid, state, raw_status, error_code, error_text, applied, occurred_at, $2::timestamp FROM judged WHERE attempt_id IS NOT NULL ORDER BY ord
), kept AS (
  INSERT INTO "UnmatchedReport" ("providerAccountId", "providerMessageId", "event", "receivedAt", "expiresAt")
  SELECT $1::int, pmid, event, $2::timestamp, $3::timestamp FROM judged WHERE attempt_id IS NULL ORDER BY ord
), net AS (
  SELECT campaign_id, account_id, segments, message_state AS from_state, state AS to_state, bucket AS from_bucket,
    CASE WHEN reached_sent AND NOT submitted THEN date_trunc('hour', $2::timestamp) ELSE bucket END AS to_bucket,
    message_cost AS from_cost, COALESCE(cost, message_cost) AS to_cost
  FROM moved WHERE current
), counted AS (
  SELECT campaign_id, ${MESSAGE_STATES.map(counterDelta).join(", ")} FROM net WHERE from_state <> to_state GROUP BY campaign_id
), locked AS (
  SELECT c."id" FROM "Campaign" c WHERE c."id" IN (SELECT campaign_id FROM counted) AND (SELECT count(*) FROM attempt_update) >= 0
  ORDER BY c."id" FOR NO KEY UPDATE
), counters AS (
  UPDATE "Campaign" AS c SET ${MESSAGE_STATES.map((s) => `"${COUNTER_COLUMN[s]}" = c."${COUNTER_COLUMN[s]}" + d."${s}"`).join(", ")}
  FROM counted d WHERE c."id" = d.campaign_id AND (SELECT count(*) FROM locked) >= 0
  RETURNING c."id"
), rollup AS (
  INSERT INTO "DeliveryStat" ("bucketStart", "providerAccountId", "campaignId", "state", "messages", "segments", "cost")
  SELECT bucket, account_id, campaign_id, state, SUM(messages), SUM(segments), SUM(cost)
  FROM (SELECT from_bucket AS bucket, account_id, campaign_id, from_state AS state, -1 AS messages, -segments AS segments, -from_cost AS cost FROM net
        UNION ALL SELECT to_bucket, account_id, campaign_id, to_state, 1, segments, to_cost FROM net) AS change
  WHERE (SELECT count(*) FROM counters) >= 0
  GROUP BY bucket, account_id, campaign_id, state HAVING SUM(messages) <> 0 OR SUM(segments) <> 0 OR SUM(cost) <> 0
  -- The order CounterDelta.write takes rollup rows in: their key as one string.
  ORDER BY (to_char(bucket, 'YYYY-MM-DD"T"HH24') || '|' || account_id || '|' || campaign_id || '|' || state) COLLATE "C"
  ON CONFLICT ("bucketStart", "providerAccountId", "campaignId", "state") DO UPDATE SET "messages" = "DeliveryStat"."messages" + excluded."messages",
    "segments" = "DeliveryStat"."segments" + excluded."segments", "cost" = "DeliveryStat"."cost" + excluded."cost"
)
SELECT CASE WHEN attempt_id IS NULL THEN 'unmatched' WHEN applied THEN 'applied' ELSE 'unchanged' END AS result, contact_id AS "contactId"
FROM judged ORDER BY ord`;

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

/** Whether the reports carry an opt-out, which needs statements of its own: then call inside a transaction. */
export const carriesOptOut = (events: StatusReport[]) => events.some((e) => e.kind === "status" && e.optOut);

/**
 * Applies status reports of one account as `applyStatusReports` does, counters and rollup included. Outside
 * a transaction it is one: its single statement. Reports carrying an opt-out must be applied in a transaction.
 */
export async function applyStatusReportsPostgres(sql: Sql, accountId: number, events: StatusReport[], now: Date): Promise<ApplyResult[]> {
  const status = (e: StatusReport) => (e.kind === "status" ? e : undefined);
  // Numbered placeholders ($1 …) rather than `?`: the account and the time appear many times.
  const rows = await sql.all<{ result: ApplyResult; contactId: number | string | null }>(
    STATEMENT,
    [
      accountId,
      now,
      new Date(now.getTime() + UNMATCHED_TTL_MS),
      events.map((e) => e.providerMessageId),
      events.map((e) => status(e)?.state ?? null) as string[],
      events.map((e) => e.rawStatus),
      events.map((e) => e.errorCode ?? null) as string[],
      events.map((e) => status(e)?.errorText ?? null) as string[],
      events.map((e) => iso(status(e)?.occurredAt)) as string[],
      events.map((e) => status(e)?.cost?.amount ?? null) as number[],
      events.map((e) => JSON.stringify(e)),
    ],
    { prepared: true },
  );
  const optOuts = events.flatMap((event, i) =>
    event.kind === "status" && event.optOut && rows[i].result === "applied" ? [{ rawStatus: event.rawStatus, contactId: rows[i].contactId === null ? null : Number(rows[i].contactId) }] : [],
  );
  await optOutReported(sql, optOuts, now);
  return rows.map((row) => row.result);
}
