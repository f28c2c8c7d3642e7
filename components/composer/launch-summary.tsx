"use client";

import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";
import { costLabel, formatCount, segmentsLabel, skippedLabel } from "./estimate-panel";

/** How long `seconds` is, in words: "under a minute", "about 12 minutes", "about 3 hours". */
export function durationLabel(seconds: number): string {
  if (seconds < 60) return "under a minute";
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} minutes`;
  return `about ${(seconds / 3600).toFixed(1)} hours`;
}

function formatIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);
}

interface Props {
  estimate: CampaignEstimate;
  accountName: string;
  /** When sending starts: null for now. */
  startAt: Date | null;
  timeZone: string;
  gateway?: { vendorLabel: string };
}

/** What the marketer confirms before any money is spent: recipients, skips, segments, cost, timing, the first message. */
export function LaunchSummary({ estimate, accountName, startAt, timeZone, gateway }: Props) {
  const start = startAt ?? new Date();
  const finish = new Date(start.getTime() + estimate.durationSeconds * 1000);
  const first = estimate.samples[0];
  return (
    <div className="space-y-3" data-testid="launch-summary">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Recipients</dt>
        <dd data-testid="confirm-recipients">{formatCount(estimate.recipients)} ({skippedLabel(estimate)})</dd>
        <dt className="text-slate-500">Segments</dt>
        <dd data-testid="confirm-segments">{segmentsLabel(estimate)}</dd>
        <dt className="text-slate-500">Estimated cost</dt>
        <dd data-testid="confirm-cost">{costLabel(estimate)}</dd>
        <dt className="text-slate-500">Through</dt>
        <dd>{accountName}</dd>
        <dt className="text-slate-500">Starts</dt>
        <dd>{startAt ? `${formatIn(startAt, timeZone)} (${timeZone})` : "now"}</dd>
        <dt className="text-slate-500">Finishes</dt>
        <dd data-testid="confirm-finish">
          around {formatIn(finish, timeZone)}: {durationLabel(estimate.durationSeconds)} at {formatCount(estimate.ratePerSecond)} messages per second
        </dd>
      </dl>
      {gateway && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          Handed to {gateway.vendorLabel} now and held there: once confirmed, these messages can no longer be paused, canceled or throttled.
        </p>
      )}
      {first && (
        <div>
          <p className="text-slate-500">First message ({first.phone}, {first.segments} {first.segments === 1 ? "segment" : "segments"}):</p>
          <p className="whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono" data-testid="confirm-first-message">{first.text}</p>
        </div>
      )}
    </div>
  );
}
