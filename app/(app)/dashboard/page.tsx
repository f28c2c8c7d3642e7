import type { Metadata } from "next";
import Link from "next/link";
import { SeriesChart } from "@/components/charts/series-chart";
import { formatCount, formatMoney, formatRate } from "@/components/dashboard/format";
import { OverviewFilters } from "@/components/dashboard/overview-filters";
import { StatCards } from "@/components/dashboard/stat-cards";
import { StateCounts } from "@/components/dashboard/state-counts";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { STATE_MEANINGS } from "@/lib/stats/outcomes";
import { getOverview } from "@/lib/stats/overview";
import { PERIOD_LABELS, periodSchema, resolvePeriod } from "@/lib/stats/period";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const idParam = (v: string | string[] | undefined) => {
  const n = Number(one(v));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(READERS);
  const params = await searchParams;
  const parsed = periodSchema.safeParse({ period: one(params.period), from: one(params.from), to: one(params.to) });
  const periodInput = parsed.success ? parsed.data : periodSchema.parse({});
  const period = resolvePeriod(periodInput, user.timezone);
  const accountId = idParam(params.account);
  const campaignId = idParam(params.campaign);

  const sql = sqlFor(rawDb());
  const [overview, accounts, campaigns] = await Promise.all([
    getOverview(sql, { period, timeZone: user.timezone, accountId, campaignId }),
    sql.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "ProviderAccount" ORDER BY "name"`),
    sql.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Campaign" ORDER BY "id" DESC LIMIT 200`),
  ]);
  const periodText = `${PERIOD_LABELS[period.kind]}: ${formatDateTime(period.start, user.timezone)} – ${formatDateTime(new Date(period.end.getTime() - 60_000), user.timezone)} (${user.timezone})`;

  return (
    <>
      <PageHeader title="Dashboard" description="Delivery statistics across your campaigns, counted by the hour each message was handed over." />
      <OverviewFilters
        period={periodInput.period} from={periodInput.from ?? period.firstDay} to={periodInput.to ?? period.lastDay}
        accountId={accountId} campaignId={campaignId}
        accounts={accounts.map((a) => ({ id: Number(a.id), name: a.name }))} campaigns={campaigns.map((c) => ({ id: Number(c.id), name: c.name }))}
        error={parsed.success ? undefined : parsed.error.issues[0]?.message}
      />
      <p className="mb-4 text-sm text-slate-600" role="status">{periodText}</p>
      {overview.total === 0 ? (
        <EmptyState title="No messages in this period">Statistics appear here once a campaign sends in the chosen period. Try a longer period or clear the filters.</EmptyState>
      ) : (
        <div className="space-y-6">
          <StatCards
            items={[
              { label: "Messages", value: formatCount(overview.total) },
              { label: "Handed over", value: formatCount(overview.handedOver), hint: "accepted by a gateway" },
              { label: "Delivery rate", value: formatRate(overview.deliveryRate), hint: "delivered ÷ handed over" },
              { label: "Segments", value: formatCount(overview.segments) },
            ]}
          />
          <section aria-labelledby="cost-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="cost-heading" className="mb-2 font-medium">Cost</h2>
            <ul className="space-y-1 text-sm" data-testid="costs">
              {overview.costs.map((c) => (
                <li key={c.currency}>
                  <span className="font-semibold">{formatMoney(c.estimated, c.currency)}</span> estimated (segments handed over × the account’s price per segment)
                  {c.reported > 0 && <>; {formatMoney(c.reported, c.currency)} reported by gateways</>}
                </li>
              ))}
            </ul>
          </section>
          <SeriesChart
            testId="overview-chart"
            title={`Handed over and delivered, per ${period.step}`}
            series={[
              { key: "handedOver", label: "Handed over", fillClass: "fill-slate-400", swatchClass: "bg-slate-400" },
              { key: "delivered", label: "Delivered", fillClass: "fill-brand-600", swatchClass: "bg-brand-600" },
            ]}
            points={overview.series.map((p) => ({ label: p.label, values: { handedOver: p.handedOver, delivered: p.delivered } }))}
          />
          <div className="grid gap-6 lg:grid-cols-2">
            <StateCounts counts={overview.counts} caption="Messages by state" />
            <table className="w-full self-start rounded-lg border border-slate-200 bg-white text-sm" data-testid="failures">
              <caption className="p-3 text-left font-medium">Failures by reason</caption>
              <thead className="bg-slate-50 text-left">
                <tr><th scope="col" className="p-3">Reason</th><th scope="col" className="p-3 text-right">Messages</th></tr>
              </thead>
              <tbody>
                {overview.failures.length === 0 && <tr><td colSpan={2} className="p-3 text-slate-500">No failures in this period.</td></tr>}
                {overview.failures.map((f) => (
                  <tr key={f.state} className="border-t border-slate-200">
                    <th scope="row" className="p-3 text-left font-normal"><span className="font-medium">{f.state}</span>: {STATE_MEANINGS[f.state]}</th>
                    <td className="p-3 text-right tabular-nums">{formatCount(f.messages)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="by-account">
            <caption className="p-3 text-left font-medium">By provider account</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="p-3">Account</th><th scope="col" className="p-3 text-right">Handed over</th><th scope="col" className="p-3 text-right">Delivered</th>
                <th scope="col" className="p-3 text-right">Delivery rate</th><th scope="col" className="p-3 text-right">Segments</th>
              </tr>
            </thead>
            <tbody>
              {overview.byAccount.map((a) => (
                <tr key={a.accountId} className="border-t border-slate-200">
                  <th scope="row" className="p-3 text-left font-medium">
                    <Link className="underline" href={`/dashboard?period=${period.kind}&from=${period.firstDay}&to=${period.lastDay}&account=${a.accountId}`}>{a.name}</Link>
                  </th>
                  <td className="p-3 text-right tabular-nums">{formatCount(a.handedOver)}</td>
                  <td className="p-3 text-right tabular-nums">{formatCount(a.counts.delivered ?? 0)}</td>
                  <td className="p-3 text-right tabular-nums">{formatRate(a.deliveryRate)}</td>
                  <td className="p-3 text-right tabular-nums">{formatCount(a.segments)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {campaignId && <p className="text-sm"><Link className="underline" href={`/campaigns/${campaignId}/report`}>Open this campaign’s report</Link></p>}
        </div>
      )}
    </>
  );
}
