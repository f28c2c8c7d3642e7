/**
 * The overview dashboard, read from the hourly rollup (DeliveryStat) only: a period's messages by state,
 * delivery rate, segments and cost per currency, a series of handed-over and delivered messages, and
 * breakdowns by provider account and by failure state. Its cost grows with hours × accounts × states
 * in the period, never with the number of messages.
 */
import type { Sql, SqlParam } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { addDays, localDay, type Period, startOfLocalDay } from "./period";
import { deliveryRate, FAILURE_STATES, HANDED_OVER, type StateCounts, sumOf } from "./outcomes";
import { hourStart, hourText } from "./sql-time";

export interface OverviewFilter {
  period: Period;
  timeZone: string;
  accountId?: number;
  campaignId?: number;
}

export interface CurrencyCost {
  currency: string;
  /** Segments handed over × the account's price per segment. */
  estimated: number;
  /** What gateways reported in their delivery reports (DIDWW does). */
  reported: number;
}

export interface AccountBreakdown {
  accountId: number;
  name: string;
  currency: string;
  counts: Partial<StateCounts>;
  handedOver: number;
  deliveryRate: number | null;
  segments: number;
}

export interface SeriesPoint {
  /** Start of the hour or local day. */
  at: Date;
  label: string;
  handedOver: number;
  delivered: number;
}

export interface Overview {
  counts: Partial<StateCounts>;
  total: number;
  handedOver: number;
  deliveryRate: number | null;
  segments: number;
  costs: CurrencyCost[];
  series: SeriesPoint[];
  byAccount: AccountBreakdown[];
  failures: { state: MessageState; messages: number }[];
}

interface TotalsRow { accountId: number | string; state: MessageState; n: number | string; segments: number | string; cost: number | string }
interface AccountRow { id: number | string; name: string; currency: string; pricePerSegment: number | string }

function filterSql(filter: OverviewFilter): { where: string; params: SqlParam[] } {
  const clauses = [`s."bucketStart" >= ?`, `s."bucketStart" < ?`];
  const params: SqlParam[] = [filter.period.start, filter.period.end];
  if (filter.accountId) (clauses.push(`s."providerAccountId" = ?`), params.push(filter.accountId));
  if (filter.campaignId) (clauses.push(`s."campaignId" = ?`), params.push(filter.campaignId));
  return { where: clauses.join(" AND "), params };
}

export async function getOverview(sql: Sql, filter: OverviewFilter): Promise<Overview> {
  const { where, params } = filterSql(filter);
  const handedOverList = HANDED_OVER.map((s) => `'${s}'`).join(", ");
  const [totals, hours, accounts] = await Promise.all([
    sql.all<TotalsRow>(
      `SELECT s."providerAccountId" AS "accountId", s."state", SUM(s."messages") AS n, SUM(s."segments") AS segments, SUM(s."cost") AS cost
       FROM "DeliveryStat" s WHERE ${where} GROUP BY s."providerAccountId", s."state"`,
      params,
    ),
    sql.all<{ hour: string; handedOver: number | string; delivered: number | string }>(
      `SELECT ${hourText(sql.dialect, `s."bucketStart"`)} AS hour,
         SUM(CASE WHEN s."state" IN (${handedOverList}) THEN s."messages" ELSE 0 END) AS "handedOver",
         SUM(CASE WHEN s."state" = 'delivered' THEN s."messages" ELSE 0 END) AS delivered
       FROM "DeliveryStat" s WHERE ${where} GROUP BY 1`,
      params,
    ),
    sql.all<AccountRow>(`SELECT "id", "name", "currency", "pricePerSegment" FROM "ProviderAccount" ORDER BY "name"`),
  ]);

  const counts: Partial<StateCounts> = {};
  const perAccount = new Map<number, { counts: Partial<StateCounts>; segments: number; handedOverSegments: number; cost: number }>();
  let segments = 0;
  for (const row of totals) {
    const n = Number(row.n);
    if (n === 0) continue;
    counts[row.state] = (counts[row.state] ?? 0) + n;
    const accountId = Number(row.accountId);
    const a = perAccount.get(accountId) ?? { counts: {}, segments: 0, handedOverSegments: 0, cost: 0 };
    a.counts[row.state] = (a.counts[row.state] ?? 0) + n;
    if (row.state !== "skipped" && row.state !== "canceled") a.segments += Number(row.segments);
    if (HANDED_OVER.includes(row.state)) a.handedOverSegments += Number(row.segments);
    a.cost += Number(row.cost);
    perAccount.set(accountId, a);
  }

  const costs = new Map<string, CurrencyCost>();
  const byAccount: AccountBreakdown[] = [];
  for (const account of accounts) {
    const a = perAccount.get(Number(account.id));
    if (!a) continue;
    segments += a.segments;
    const cost = costs.get(account.currency) ?? { currency: account.currency, estimated: 0, reported: 0 };
    cost.estimated += a.handedOverSegments * Number(account.pricePerSegment);
    cost.reported += a.cost;
    costs.set(account.currency, cost);
    byAccount.push({
      accountId: Number(account.id), name: account.name, currency: account.currency, counts: a.counts,
      handedOver: sumOf(a.counts, HANDED_OVER), deliveryRate: deliveryRate(a.counts), segments: a.segments,
    });
  }

  return {
    counts,
    total: Object.values(counts).reduce((n, c) => n + (c ?? 0), 0),
    handedOver: sumOf(counts, HANDED_OVER),
    deliveryRate: deliveryRate(counts),
    segments,
    costs: [...costs.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    series: buildSeries(filter, hours),
    byAccount,
    failures: FAILURE_STATES.map((state) => ({ state, messages: counts[state] ?? 0 })).filter((f) => f.messages > 0),
  };
}

/** One point per hour or per local day of the period, zeros included, so the chart has no gaps. */
function buildSeries(filter: OverviewFilter, hours: { hour: string; handedOver: number | string; delivered: number | string }[]): SeriesPoint[] {
  const { period, timeZone } = filter;
  const points = new Map<string, SeriesPoint>();
  const keyOf = (at: Date) => (period.step === "hour" ? at.toISOString().slice(0, 13) : localDay(at, timeZone));
  if (period.step === "hour") {
    const hourFmt = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });
    for (let t = period.start.getTime(); t < period.end.getTime(); t += 3600_000) {
      const at = new Date(t);
      points.set(keyOf(at), { at, label: hourFmt.format(at), handedOver: 0, delivered: 0 });
    }
  } else {
    const dayFmt = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" });
    for (let d = period.firstDay; d <= period.lastDay; d = addDays(d, 1)) {
      const at = startOfLocalDay(d, timeZone);
      points.set(d, { at, label: dayFmt.format(at), handedOver: 0, delivered: 0 });
    }
  }
  for (const row of hours) {
    const point = points.get(keyOf(hourStart(row.hour)));
    if (!point) continue;
    point.handedOver += Number(row.handedOver);
    point.delivered += Number(row.delivered);
  }
  return [...points.values()];
}
