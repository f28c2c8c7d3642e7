/**
 * Workers killed with SIGKILL at random instants, in real processes, while a 10,000-message campaign is
 * launched and sent to the DIDWW fake (which runs here and logs every destination it accepted). After
 * restarts, every message is in exactly one final state, no number was handed over twice, and the
 * campaign's counters equal a recount. SQLite runs one worker; PostgreSQL three sharing the campaign.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { sqlFor } from "@/lib/db/sql";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import type { FakeAccountSpec } from "./testing/fake-accounts";
import { expectCountersMatchRecount, statesOf, waitForStatus } from "./testing/ledger-checks";
import { seedAccount, seedList } from "./testing/seed-audience";
import { spawnWorker, type WorkerChild } from "./testing/spawn-worker";

const RECIPIENTS = 10_000;
const KILLS = 3;

describe.each(testDatabases())("workers killed mid-campaign on $name", (target) => {
  const t = useTestDatabase(target, "crash");
  let fake: DidwwFake;
  beforeAll(async () => (fake = await startDidwwFake()));
  afterAll(async () => fake.close());

  it(`loses nothing and sends no number twice across ${KILLS} kills`, { timeout: 60_000 }, async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "crash", RECIPIENTS, 31650000000);
    const row = await seedAccount(t.db, "didww", fake.url);
    // One text for everyone: DIDWW takes it in bulk requests of `batchSize` destinations.
    const campaign = await createCampaign(t.db, { name: "Crash", providerAccountId: row.id, text: "Flash sale today only. Reply STOP to opt out.", listIds: [listId] }, null);
    // The launch itself happens in the worker, so a kill can also interrupt it.
    await requestLaunch(sql, campaign.id, { userId: null });

    // A rate that stretches sending over a few seconds, so kills land while batches are in flight.
    const account: FakeAccountSpec = { id: row.id, vendor: "didww", url: fake.url, rateLimitPerSecond: 2_000, batchSize: 100 };
    const workerCount = target.name === "postgres" ? 3 : 1;
    let started = 0;
    const start = () => spawnWorker({ databaseUrl: t.url, workerId: `crash-${++started}`, accounts: [account], staleClaimMs: 3_000 });
    const workers: WorkerChild[] = Array.from({ length: workerCount }, start);
    await Promise.all(workers.map((w) => w.ready));

    let killedWhileSending = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 900));
      const victim = Math.floor(Math.random() * workers.length);
      const { status } = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { status: true } });
      if (status === "sending") killedWhileSending += 1;
      await workers[victim].kill();
      workers[victim] = start();
      await workers[victim].ready;
    }
    const finalStatus = await waitForStatus(t.db, campaign.id, "completed", 30_000);
    await Promise.all(workers.map((w) => w.stop()));

    expect(killedWhileSending).toBeGreaterThan(0);
    expect(finalStatus).toBe("completed");
    const states = await statesOf(t.db, campaign.id);
    // Every message ended handed over (submitted) or, when a kill came after its request left, unknown.
    expect(Object.keys(states).filter((s) => s !== "submitted" && s !== "unknown")).toEqual([]);
    expect((states.submitted ?? 0) + (states.unknown ?? 0)).toBe(RECIPIENTS);

    const handedOver = fake.accepted.map((m) => m.destination);
    expect(handedOver.length - new Set(handedOver).size).toBe(0);
    const submitted = await t.db.message.findMany({ where: { campaignId: campaign.id, state: "submitted" }, select: { destination: true } });
    const logged = new Set(handedOver);
    expect(submitted.filter((m) => !logged.has(m.destination.slice(1)))).toEqual([]);
    const ours = new Set(phones.map((p) => p.slice(1)));
    expect(handedOver.filter((d) => !ours.has(d))).toEqual([]);
    // The ledger agrees: no message has two attempts whose request started.
    const started2 = await t.db.sendAttempt.groupBy({ by: ["messageId"], where: { requestStartedAt: { not: null }, message: { campaignId: campaign.id } }, _count: true, having: { messageId: { _count: { gt: 1 } } } });
    expect(started2).toEqual([]);
    await expectCountersMatchRecount(t.db, campaign.id);
  });
});
