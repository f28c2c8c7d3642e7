/**
 * An account's rate limit holds where the gateway sees it: from the times requests reach the DIDWW fake
 * (through a recording proxy), no interval carries more than the rate allows plus the one-second burst a
 * full bucket holds. With one worker, and with three worker processes sharing the bucket on PostgreSQL;
 * and a campaign's own rate, below its account's, holds the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import type { FakeAccountSpec } from "./testing/fake-accounts";
import { statesOf } from "./testing/ledger-checks";
import { startRecordingProxy, type ProxiedRequest, type RecordingProxy } from "./testing/recording-proxy";
import { seedAccount, seedList } from "./testing/seed-audience";
import { spawnWorker } from "./testing/spawn-worker";

const RATE = 200;
const MESSAGES = 1_000;
const BATCH = 20;
// The full suite runs test files in parallel on two cores: a worker process may wait this long for the CPU
// between taking its tokens and its request reaching the gateway (seen: 1.7% over a 100 ms allowance).
const TRAVEL_JITTER_MS = 200;

/** Messages each request carried (DIDWW bulk: a destination array; single: one). */
function handOvers(requests: ProxiedRequest[]): { at: number; n: number }[] {
  return requests
    .filter((r) => r.status === 201)
    .map((r) => {
      const destination = (JSON.parse(r.body) as { data: { attributes: { destination: string | string[] } } }).data.attributes.destination;
      return { at: r.at, n: Array.isArray(destination) ? destination.length : 1 };
    })
    .sort((a, b) => a.at - b.at);
}

/** Checks the limit over every interval between two requests, and that the rate was actually used. */
function expectRateHeld(requests: ProxiedRequest[]): void {
  const sends = handOvers(requests);
  expect(sends.reduce((sum, s) => sum + s.n, 0)).toBe(MESSAGES);
  let worst = 0;
  for (let i = 0; i < sends.length; i++) {
    let carried = 0;
    for (let j = i; j < sends.length; j++) {
      carried += sends[j].n;
      // Allowed: the rate over the interval, one second's burst, and what a difference of up to TRAVEL_JITTER_MS
      // between requests' travel times (tokens taken → request at the gateway) can squeeze in, plus a batch.
      const allowed = RATE * ((sends[j].at - sends[i].at + TRAVEL_JITTER_MS) / 1000 + 1) + BATCH;
      worst = Math.max(worst, carried / allowed);
    }
  }
  expect(worst).toBeLessThanOrEqual(1);
  // Not trivially held: beyond the one burst, the account was kept near its rate, not far below it.
  const steady = (MESSAGES - RATE) / ((sends[sends.length - 1].at - sends[0].at) / 1000);
  expect(steady).toBeGreaterThan(0.8 * RATE);
  expect(steady).toBeLessThan(1.1 * RATE);
}

describe.each(testDatabases())("rate limits on $name", (target) => {
  const t = useTestDatabase(target, "rate");
  let fake: DidwwFake;
  let proxy: RecordingProxy;
  let nextNumber = 31680000000;
  beforeAll(async () => {
    fake = await startDidwwFake({ record: false });
    proxy = await startRecordingProxy(fake.url);
  });
  afterAll(async () => Promise.all([proxy.close(), fake.close()]));

  /** A launched campaign limited to RATE by its account's limit, or by its own under an account allowed far more. */
  async function launched(limitedBy: "account" | "campaign"): Promise<{ campaignId: number; account: FakeAccountSpec }> {
    const { listId } = await seedList(t.raw, `rate-${nextNumber}`, MESSAGES, nextNumber);
    nextNumber += 10_000;
    const accountRate = limitedBy === "account" ? RATE : 100 * RATE;
    const row = await seedAccount(t.db, "didww", proxy.url, accountRate, BATCH);
    const ratePerSecond = limitedBy === "campaign" ? RATE : undefined;
    const campaign = await createCampaign(t.db, { name: "Rate", providerAccountId: row.id, text: "Rate limited hello", listIds: [listId], ratePerSecond }, null);
    await launchCampaign(sqlFor(t.raw), campaign.id);
    proxy.requests.length = 0;
    return { campaignId: campaign.id, account: { id: row.id, vendor: "didww", url: proxy.url, rateLimitPerSecond: accountRate, batchSize: BATCH } };
  }

  /**
   * Runs `count` worker processes on one launched campaign until every message is submitted. Workers run
   * in their own processes so their work never delays the proxy's clock in this one.
   */
  async function sendWith(count: number, limitedBy: "account" | "campaign" = "account"): Promise<void> {
    const { campaignId, account } = await launched(limitedBy);
    // Hold the campaign back until every worker runs, so they compete for the one bucket from the start.
    await t.db.campaign.update({ where: { id: campaignId }, data: { status: "paused" } });
    const workers = Array.from({ length: count }, (_, n) => spawnWorker({ databaseUrl: t.url, workerId: `rate-${n + 1}`, accounts: [account] }));
    try {
      await Promise.all(workers.map((w) => w.ready));
      await t.db.campaign.update({ where: { id: campaignId }, data: { status: "sending" } });
      const until = Date.now() + 25_000;
      while ((await statesOf(t.db, campaignId)).submitted !== MESSAGES && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(await statesOf(t.db, campaignId)).toEqual({ submitted: MESSAGES });
    expectRateHeld(proxy.requests);
  }

  it(`one worker never exceeds ${RATE}/s`, { timeout: 40_000 }, () => sendWith(1));

  it.runIf(target.name === "postgres")(`three worker processes together never exceed ${RATE}/s`, { timeout: 40_000 }, () => sendWith(3));

  it(`a campaign's own rate of ${RATE}/s holds under an account allowed ${100 * RATE}/s`, { timeout: 40_000 }, () => sendWith(1, "campaign"));
});
