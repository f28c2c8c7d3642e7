"use client";

import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";

export const formatCount = (n: number) => n.toLocaleString("en");

/** Segments total, saying plainly when it is extrapolated. */
export function segmentsLabel(e: CampaignEstimate): string {
  const total = `${formatCount(e.segments.total)} ${e.segments.total === 1 ? "segment" : "segments"}`;
  return e.segments.exact ? total : `about ${total} (extrapolated from the first ${formatCount(e.segments.rendered)} messages rendered; the rest are rendered at launch)`;
}

export function costLabel(e: CampaignEstimate): string {
  if (Number(e.cost.pricePerSegment) === 0) return "no price per segment is set on this account";
  return `${e.cost.amount} ${e.cost.currency} (${e.cost.pricePerSegment} ${e.cost.currency} per segment)`;
}

export function skippedLabel(e: CampaignEstimate): string {
  return e.skipped.optedOut === 0 ? "nobody skipped" : `${formatCount(e.skipped.optedOut)} skipped: opted out`;
}

/** The live preview beside the composer: who gets what, and real renderings for the first recipients. */
export function EstimatePanel({ estimate, loading, error }: { estimate?: CampaignEstimate; loading: boolean; error?: string }) {
  return (
    <section aria-labelledby="preview-heading" aria-busy={loading} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="estimate-panel">
      <h2 id="preview-heading" className="font-medium">Preview</h2>
      {error && <p role="alert" className="mt-2 text-red-700">{error}</p>}
      {!estimate && !error && <p className="mt-2 text-slate-500">{loading ? "Counting…" : "Choose an account, a list and write a message to see who gets what."}</p>}
      {estimate && (
        <div className="mt-2 space-y-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-500">Recipients</dt>
            <dd data-testid="estimate-recipients">{formatCount(estimate.recipients)} of {formatCount(estimate.audience)} ({skippedLabel(estimate)})</dd>
            <dt className="text-slate-500">Segments</dt>
            <dd data-testid="estimate-segments">{segmentsLabel(estimate)}</dd>
            <dt className="text-slate-500">Longest</dt>
            <dd>{estimate.segments.longest ? `${estimate.segments.longest.segments} ${estimate.segments.longest.segments === 1 ? "segment" : "segments"} (${estimate.segments.longest.phone})` : "—"}</dd>
            <dt className="text-slate-500">Cost</dt>
            <dd data-testid="estimate-cost">{costLabel(estimate)}</dd>
          </dl>
          {estimate.samples.length > 0 && (
            <ul className="space-y-2" aria-label="Rendered messages">
              {estimate.samples.map((s) => (
                <li key={s.phone} className="rounded bg-slate-50 p-2">
                  <p className="text-xs text-slate-500">
                    {s.name ? `${s.name}, ` : ""}{s.phone} · {s.encoding === "GSM7" ? "GSM-7" : "UCS-2"} · {s.segments} {s.segments === 1 ? "segment" : "segments"}
                  </p>
                  <p className="whitespace-pre-wrap font-mono" data-testid="rendered-sample">{s.text}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
