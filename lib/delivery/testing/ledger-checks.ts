/** Assertions on the ledger shared by the engine's fault tests: counters, states and hand-overs. */
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { COUNTER_COLUMN, MESSAGE_STATES } from "../states";

/** The campaign's counters equal a recount of its messages, state by state. */
export async function expectCountersMatchRecount(db: Db, campaignId: number): Promise<void> {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  const recount = await db.message.groupBy({ by: ["state"], where: { campaignId }, _count: true });
  const counted = Object.fromEntries(MESSAGE_STATES.map((state) => [state, recount.find((r) => r.state === state)?._count ?? 0]));
  const counters = Object.fromEntries(MESSAGE_STATES.map((state) => [state, (campaign as Record<string, unknown>)[COUNTER_COLUMN[state]]]));
  expect(counters).toEqual(counted);
  expect(campaign.recipientCount).toBe(Object.values(counted).reduce((a, b) => a + b, 0));
}

/** Messages of the campaign by state, as `{ state: count }`. */
export async function statesOf(db: Db, campaignId: number): Promise<Record<string, number>> {
  const rows = await db.message.groupBy({ by: ["state"], where: { campaignId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.state, r._count]));
}

/** Polls until the campaign's status is `status` (or the deadline passes); returns the last status seen. */
export async function waitForStatus(db: Db, campaignId: number, status: string, deadlineMs: number): Promise<string> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { status: current } = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true } });
    if (current === status || Date.now() > until) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `worker` until no message of the campaign is queued or in flight (retries included), then stops it.
 * Faster than waiting for `completed`, which only the periodic chores set.
 */
export async function runUntilSettled(worker: { run(signal: AbortSignal): Promise<void> }, db: Db, campaignId: number, deadlineMs = 15_000): Promise<void> {
  const controller = new AbortController();
  const running = worker.run(controller.signal);
  const until = Date.now() + deadlineMs;
  try {
    for (;;) {
      const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { launchedAt: true, queuedCount: true, sendingCount: true } });
      if ((c.launchedAt && c.queuedCount + c.sendingCount === 0) || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    controller.abort();
    await running;
  }
}
