"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { CampaignProgress } from "@/lib/campaigns/campaign-progress";
import type { MessageState } from "@/lib/providers/types";
import { CampaignControls, type ControlActions } from "./campaign-controls";
import { ProgressBar, STATE_GROUPS } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/** `CampaignProgress` as it travels as JSON (dates become strings). */
export type ProgressJson = Omit<CampaignProgress, "launchedAt" | "completedAt"> & { launchedAt: string | null; completedAt: string | null };

const ACTIVE = new Set(["draft", "scheduled", "sending", "paused"]);

function timeLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

interface Props {
  initial: ProgressJson;
  /** Present for editors only: managers get no control at all. */
  controls?: { actions: ControlActions; duplicateHref: string; handedToGateway: boolean };
}

/**
 * A campaign's live progress: status, a bar of its messages by lifecycle state, throughput and time left,
 * polled from `/campaigns/<id>/progress` every 1.5 s while it is active (every 10 s after, while late
 * delivery reports may still arrive), and the controls that apply to its status.
 */
export function CampaignLive({ initial, controls }: Props) {
  const queryClient = useQueryClient();
  const queryKey = ["campaign-progress", initial.id];
  const { data, error } = useQuery({
    queryKey,
    initialData: initial,
    refetchInterval: (query) => (ACTIVE.has(query.state.data?.status ?? "") ? 1500 : 10_000),
    queryFn: async (): Promise<ProgressJson> => {
      const response = await fetch(`/campaigns/${initial.id}/progress`, { cache: "no-store" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
      return body;
    },
  });
  const p = data ?? initial;
  const preparing = p.status === "sending" && p.launchedAt === null;
  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="progress-heading" className="flex items-center gap-2 text-lg font-medium">
          Progress <StatusBadge status={p.status} />
        </h2>
        <p className="text-sm text-slate-600" role="status" data-testid="progress-rate">
          {preparing
            ? "Preparing messages…"
            : p.throughputPerSecond
              ? `${p.throughputPerSecond.toFixed(1)} messages/s${p.secondsLeft ? ` · about ${timeLeft(p.secondsLeft)} left` : ""}`
              : ""}
        </p>
      </div>
      <div className="mt-4">
        <ProgressBar counts={p.counts} recipients={p.recipients} done={p.done} />
      </div>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">Could not refresh the progress: {error.message}</p>}
      <table className="mt-4 w-full text-sm" data-testid="state-counts">
        <tbody>
          {STATE_GROUPS.map((g) => (
            <tr key={g.label} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <span className={`mr-2 inline-block h-3 w-3 rounded-sm ${g.color}`} aria-hidden="true" />
                {g.label}
              </th>
              <td className="py-1 text-slate-600">
                {g.states.map((s: MessageState) => (
                  <span key={s} className="mr-3" data-testid={`count-${s}`}>
                    {s} {p.counts[s].toLocaleString("en")}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-600">
        {p.segments.toLocaleString("en")} segments · cost reported so far {p.cost}
        {" · "}
        <Link href={`/campaigns/${p.id}/report`} className="text-brand-600 underline">Delivery report</Link>
      </p>
      {controls && (
        <CampaignControls
          id={p.id}
          status={p.status}
          counts={p.counts}
          handedToGateway={controls.handedToGateway && p.launchedAt !== null}
          duplicateHref={controls.duplicateHref}
          actions={controls.actions}
          onChanged={() => queryClient.invalidateQueries({ queryKey })}
        />
      )}
    </section>
  );
}
