/** How a campaign looks in the API: its status and per-state message counts (from its counters, never a scan). */
import { z } from "zod";
import type { CampaignModel } from "@/lib/db/client";
import { COUNTER_COLUMN, MESSAGE_STATES } from "@/lib/delivery/states";
import { iso, nullableTimestamp, timestamp } from "../common.schema";

export const messageStateSchema = z.enum(MESSAGE_STATES).describe("The message lifecycle state (see the API page).");

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(["single", "bulk"]),
  status: z.enum(["draft", "scheduled", "sending", "paused", "completed", "canceled", "failed"]),
  scheduleMode: z.enum(["now", "at", "gateway"]),
  scheduledAt: nullableTimestamp,
  providerAccountId: z.number().int(),
  sender: z.string().nullable(),
  text: z.string(),
  recipientCount: z.number().int().describe("Messages written at launch (0 until the worker launches it)."),
  counts: z.record(messageStateSchema, z.number().int()).describe("Messages in each state."),
  segmentCount: z.number().int(),
  cost: z.string().describe("Decimal, in the provider account's currency."),
  failureReason: z.string().nullable(),
  createdAt: timestamp,
  launchedAt: nullableTimestamp,
  completedAt: nullableTimestamp,
  canceledAt: nullableTimestamp,
});
export type CampaignView = z.infer<typeof campaignSchema>;

export function presentCampaign(c: CampaignModel): CampaignView {
  const counters = c as unknown as Record<string, number>;
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    status: c.status,
    scheduleMode: c.scheduleMode,
    scheduledAt: iso(c.scheduledAt),
    providerAccountId: c.providerAccountId,
    sender: c.sender,
    text: c.text,
    recipientCount: c.recipientCount,
    counts: Object.fromEntries(MESSAGE_STATES.map((s) => [s, Number(counters[COUNTER_COLUMN[s]] ?? 0)])) as CampaignView["counts"],
    segmentCount: c.segmentCount,
    cost: c.cost.toString(),
    failureReason: c.failureReason,
    createdAt: c.createdAt.toISOString(),
    launchedAt: iso(c.launchedAt),
    completedAt: iso(c.completedAt),
    canceledAt: iso(c.canceledAt),
  };
}
