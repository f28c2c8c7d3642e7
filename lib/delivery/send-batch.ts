/**
 * One hand-over: claim a batch, record the moment its request starts, call the adapter, record the
 * outcomes. A crash before `markRequestStarted` leaves the batch to go back to `queued`; after it, to
 * become `unknown` — never to be sent twice.
 */
import type { Sql } from "@/lib/db/sql";
import type { SendOutcome } from "@/lib/providers/types";
import { type ClaimedMessage, markRequestStarted } from "./claim";
import type { EngineAccount } from "./engine-types";
import { recordOutcomes, type RecordResult } from "./record-outcomes";

export interface BatchCampaign {
  id: number;
  sender: string | null;
  scheduleMode: string;
  scheduledAt: Date | null;
}

export async function sendClaimed(sql: Sql, account: EngineAccount, campaign: BatchCampaign, batch: ClaimedMessage[]): Promise<RecordResult> {
  const held = await markRequestStarted(sql, batch.map((m) => m.attemptId), new Date());
  // Messages whose claim was recovered while this worker stalled belong to the recovery now.
  const claimed = batch.filter((m) => held.has(m.attemptId));
  if (claimed.length === 0) return { accepted: 0, rejected: 0, retryable: 0, unknown: 0, backoffMs: 0 };
  let outcomes: SendOutcome[];
  try {
    outcomes = await account.adapter.send({
      messages: claimed.map((m) => ({ attemptId: String(m.attemptId), to: m.destination, text: m.text, encoding: m.encoding, segments: m.segments })),
      sender: campaign.sender ?? undefined,
      scheduleAt: campaign.scheduleMode === "gateway" && campaign.scheduledAt ? campaign.scheduledAt : undefined,
      reportUrls: account.reportUrls,
    });
  } catch (error) {
    // The contract says send never throws; if one does, the request may have left.
    const reason = `adapter error: ${(error as Error).message}`;
    outcomes = claimed.map((m) => ({ kind: "unknown", attemptId: String(m.attemptId), reason }));
  }
  const pollAfterMs = account.adapter.capabilities.reports.poll && !account.adapter.capabilities.reports.webhook ? 5000 : undefined;
  return recordOutcomes(sql, account.id, claimed, outcomes, new Date(), pollAfterMs);
}
