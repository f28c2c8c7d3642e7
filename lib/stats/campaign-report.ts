/**
 * A campaign's report: the funnel from its counters, failure reasons, delivery latency, cost and an
 * hourly series from its rollup rows. Nothing here reads more of the message table than the campaign's
 * failures and a bounded latency sample.
 */
import type { Sql } from "@/lib/db/sql";
import { COUNTER_COLUMN, MESSAGE_STATES } from "@/lib/delivery/states";
import { NotFoundError } from "@/lib/errors";
import type { MessageState } from "@/lib/providers/types";
import { type FailureReason, getFailureReasons } from "./failure-reasons";
import { getLatency, type Latency } from "./latency";
import { deliveryRate, HANDED_OVER, PASSED_ON, type StateCounts, sumOf } from "./outcomes";
import { epochMs, fromEpochMs, hourStart, hourText } from "./sql-time";

export interface FunnelStep {
  key: "recipients" | "submitted" | "sent" | "delivered";
  label: string;
  messages: number;
}

export interface CampaignReport {
  campaign: {
    id: number;
    name: string;
    status: string;
    accountName: string;
    currency: string;
    launchedAt: Date | null;
    completedAt: Date | null;
  };
  counts: StateCounts;
  funnel: FunnelStep[];
  deliveryRate: number | null;
  segments: number;
  cost: { estimated: number; reported: number };
  failureReasons: FailureReason[];
  latency: Latency | null;
  hourly: { at: Date; handedOver: number; delivered: number }[];
}

type CampaignRow = Record<string, number | string | null> & { name: string; status: string; accountName: string; currency: string };

export async function getCampaignReport(sql: Sql, campaignId: number): Promise<CampaignReport> {
  const [row] = await sql.all<CampaignRow>(
    `SELECT c."id", c."name", c."status", c."recipientCount", c."segmentCount", ${MESSAGE_STATES.map((s) => `c."${COUNTER_COLUMN[s]}"`).join(", ")},
       ${epochMs(sql.dialect, `c."launchedAt"`)} AS "launchedMs", ${epochMs(sql.dialect, `c."completedAt"`)} AS "completedMs",
       a."name" AS "accountName", a."currency", a."pricePerSegment"
     FROM "Campaign" c JOIN "ProviderAccount" a ON a."id" = c."providerAccountId" WHERE c."id" = ?`,
    [campaignId],
  );
  if (!row) throw new NotFoundError("The campaign");
  const counts = Object.fromEntries(MESSAGE_STATES.map((s) => [s, Number(row[COUNTER_COLUMN[s]])])) as StateCounts;

  const [stats, hourly, failureReasons, latency] = await Promise.all([
    sql.all<{ state: MessageState; segments: number | string; cost: number | string }>(
      `SELECT "state", SUM("segments") AS segments, SUM("cost") AS cost FROM "DeliveryStat" WHERE "campaignId" = ? GROUP BY "state"`,
      [campaignId],
    ),
    sql.all<{ hour: string; handedOver: number | string; delivered: number | string }>(
      `SELECT ${hourText(sql.dialect, `"bucketStart"`)} AS hour,
         SUM(CASE WHEN "state" IN (${HANDED_OVER.map((s) => `'${s}'`).join(", ")}) THEN "messages" ELSE 0 END) AS "handedOver",
         SUM(CASE WHEN "state" = 'delivered' THEN "messages" ELSE 0 END) AS delivered
       FROM "DeliveryStat" WHERE "campaignId" = ? GROUP BY 1 ORDER BY 1`,
      [campaignId],
    ),
    getFailureReasons(sql, campaignId),
    getLatency(sql, campaignId, counts.delivered),
  ]);
  const handedOverSegments = stats.filter((s) => HANDED_OVER.includes(s.state)).reduce((n, s) => n + Number(s.segments), 0);

  return {
    campaign: {
      id: Number(row.id), name: row.name, status: row.status, accountName: row.accountName, currency: row.currency,
      launchedAt: fromEpochMs(row.launchedMs), completedAt: fromEpochMs(row.completedMs),
    },
    counts,
    funnel: [
      { key: "recipients", label: "Recipients", messages: Number(row.recipientCount) },
      { key: "submitted", label: "Handed over", messages: sumOf(counts, HANDED_OVER) },
      { key: "sent", label: "Passed on", messages: sumOf(counts, PASSED_ON) },
      { key: "delivered", label: "Delivered", messages: counts.delivered },
    ],
    deliveryRate: deliveryRate(counts),
    segments: Number(row.segmentCount),
    cost: { estimated: handedOverSegments * Number(row.pricePerSegment), reported: stats.reduce((n, s) => n + Number(s.cost), 0) },
    failureReasons,
    latency,
    hourly: hourly.filter((h) => Number(h.handedOver) > 0 || Number(h.delivered) > 0).map((h) => ({ at: hourStart(h.hour), handedOver: Number(h.handedOver), delivered: Number(h.delivered) })),
  };
}
