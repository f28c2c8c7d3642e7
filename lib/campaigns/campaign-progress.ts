/** A campaign's progress from its counters (never a scan of its messages), for pages, the API and the CLI. */
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { MessageState } from "@/lib/providers/types";
import { COUNTER_COLUMN, MESSAGE_STATES } from "@/lib/delivery/states";

export interface CampaignProgress {
  id: number;
  name: string;
  status: string;
  recipients: number;
  counts: Record<MessageState, number>;
  /** Messages whose submission outcome is known (everything but queued and sending). */
  done: number;
  segments: number;
  cost: string;
  launchedAt: Date | null;
  completedAt: Date | null;
  /** Messages per second since launch, and seconds left at that pace (null when unknown). */
  throughputPerSecond: number | null;
  secondsLeft: number | null;
}

export async function getCampaignProgress(db: Db, campaignId: number, now = new Date()): Promise<CampaignProgress> {
  const c = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!c) throw new NotFoundError("The campaign");
  const counts = Object.fromEntries(MESSAGE_STATES.map((s) => [s, Number((c as Record<string, unknown>)[COUNTER_COLUMN[s]] ?? 0)])) as Record<MessageState, number>;
  const pending = counts.queued + counts.sending;
  const done = c.recipientCount - pending;
  const elapsedS = c.launchedAt ? ((c.completedAt ?? now).getTime() - c.launchedAt.getTime()) / 1000 : 0;
  const throughput = elapsedS > 1 && done > 0 ? done / elapsedS : null;
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    recipients: c.recipientCount,
    counts,
    done,
    segments: c.segmentCount,
    cost: c.cost.toString(),
    launchedAt: c.launchedAt,
    completedAt: c.completedAt,
    throughputPerSecond: throughput,
    secondsLeft: throughput && pending > 0 ? Math.ceil(pending / throughput) : null,
  };
}
