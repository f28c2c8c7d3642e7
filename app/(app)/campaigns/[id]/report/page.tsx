import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeriesChart } from "@/components/charts/series-chart";
import { FailureReasons } from "@/components/dashboard/failure-reasons";
import { formatCount, formatDuration, formatMoney, formatRate } from "@/components/dashboard/format";
import { Funnel } from "@/components/dashboard/funnel";
import { RecipientFilters } from "@/components/dashboard/recipient-filters";
import { StatCards } from "@/components/dashboard/stat-cards";
import { StateCounts } from "@/components/dashboard/state-counts";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { getCampaignReport } from "@/lib/stats/campaign-report";
import { listRecipients, recipientFilterSchema, type RecipientFilter } from "@/lib/stats/recipients";
import { formatDateTime } from "@/lib/time/format";
import { RecipientsTable } from "./recipients-table";

export const metadata: Metadata = { title: "Campaign report" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filters as a query string, without empty values (`after` only when given). */
function queryOf(filter: RecipientFilter): string {
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

export default async function CampaignReportPage({ params, searchParams }: Props) {
  const user = await requirePageUser(READERS);
  const campaignId = Number((await params).id);
  if (!Number.isInteger(campaignId) || campaignId <= 0) notFound();
  const raw = await searchParams;
  const filter = recipientFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));

  const sql = sqlFor(rawDb());
  const report = await getCampaignReport(sql, campaignId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const page = await listRecipients(sql, campaignId, filter);
  const { campaign, counts } = report;
  const exportFilter: RecipientFilter = { ...filter, after: undefined };
  const beside = (["skipped", "rejected", "failed", "undelivered", "expired", "unknown", "canceled", "queued", "sending"] as const).filter((s) => counts[s] > 0);

  return (
    <>
      <PageHeader
        title={`Report: ${campaign.name}`}
        description={`Status ${campaign.status} · account ${campaign.accountName} · launched ${formatDateTime(campaign.launchedAt, user.timezone)}${campaign.completedAt ? ` · completed ${formatDateTime(campaign.completedAt, user.timezone)}` : ""}`}
        actions={<a href={`/api/reports/campaigns/${campaign.id}${queryOf(exportFilter)}`} className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50" download>Export CSV</a>}
      />
      {campaign.launchedAt === null && counts.queued + counts.skipped === 0 ? (
        <EmptyState title="Not launched yet">The report fills in as soon as the campaign starts sending.</EmptyState>
      ) : (
        <div className="space-y-8">
          <StatCards
            items={[
              { label: "Recipients", value: formatCount(report.funnel[0].messages) },
              { label: "Delivery rate", value: formatRate(report.deliveryRate), hint: "delivered ÷ handed over" },
              { label: "Segments", value: formatCount(report.segments) },
              {
                label: "Cost",
                value: formatMoney(report.cost.estimated, campaign.currency),
                hint: report.cost.reported > 0 ? `estimated; ${formatMoney(report.cost.reported, campaign.currency)} reported by the gateway` : "estimated at the account’s price per segment",
              },
            ]}
          />
          <section aria-labelledby="funnel-heading" className="grid gap-6 lg:grid-cols-2">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="funnel-heading" className="mb-3 font-medium">Funnel</h2>
              <Funnel steps={report.funnel} />
              <h3 className="mt-4 mb-2 text-sm font-medium">Beside the funnel</h3>
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="beside-funnel">
                {beside.length === 0 ? <li className="text-slate-500">nothing</li> : beside.map((s) => <li key={s}>{s}: <span className="tabular-nums">{formatCount(counts[s])}</span></li>)}
              </ul>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="mb-3 font-medium">Delivery latency (handed over → delivered)</h2>
              {report.latency ? (
                <dl className="grid grid-cols-2 gap-4" data-testid="latency">
                  <div><dt className="text-sm text-slate-600">Median</dt><dd className="text-xl font-semibold">{formatDuration(report.latency.medianMs)}</dd></div>
                  <div><dt className="text-sm text-slate-600">95th percentile</dt><dd className="text-xl font-semibold">{formatDuration(report.latency.p95Ms)}</dd></div>
                  <p className="col-span-2 text-xs text-slate-500">
                    {report.latency.sampled ? `Estimated from a random sample of ${formatCount(report.latency.basedOn)} delivered messages.` : `From all ${formatCount(report.latency.basedOn)} delivered messages.`}
                  </p>
                </dl>
              ) : (
                <p className="text-sm text-slate-600">No delivered message yet.</p>
              )}
            </div>
          </section>
          {report.hourly.length > 0 && (
            <SeriesChart
              title="Handed over and delivered, per hour of hand-over (UTC hours, shown in your timezone)"
              series={[
                { key: "handedOver", label: "Handed over", fillClass: "fill-slate-400", swatchClass: "bg-slate-400" },
                { key: "delivered", label: "Delivered", fillClass: "fill-brand-600", swatchClass: "bg-brand-600" },
              ]}
              points={report.hourly.map((h) => ({ label: formatDateTime(h.at, user.timezone), values: { handedOver: h.handedOver, delivered: h.delivered } }))}
            />
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="reasons-heading">
              <h2 id="reasons-heading" className="mb-3 font-medium">Failure reasons</h2>
              <FailureReasons reasons={report.failureReasons} />
            </section>
            <StateCounts counts={counts} caption="Messages by state" />
          </div>
          <section aria-labelledby="recipients-heading">
            <h2 id="recipients-heading" className="mb-3 font-medium">Recipients</h2>
            <RecipientFilters filter={filter} />
            {page.rows.length === 0 ? (
              <EmptyState title="No recipient matches these filters">Clear a filter to see more recipients.</EmptyState>
            ) : (
              <RecipientsTable rows={page.rows} timeZone={user.timezone} currency={campaign.currency} />
            )}
            <nav aria-label="Recipient pages" className="mt-3 flex gap-4 text-sm">
              {filter.after !== undefined && <Link className="underline" href={`/campaigns/${campaign.id}/report${queryOf(exportFilter)}`}>First page</Link>}
              {page.nextAfter !== null && <Link className="underline" href={`/campaigns/${campaign.id}/report${queryOf({ ...exportFilter, after: page.nextAfter })}`}>Next page</Link>}
            </nav>
          </section>
        </div>
      )}
    </>
  );
}
