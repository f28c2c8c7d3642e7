/**
 * Scheduling through the worker: a campaign scheduled in the app starts within 5 seconds of its time and
 * not before; one whose time passed while the app was down starts when the worker comes back, unless its
 * validity ran out too; gateway-side scheduling hands the messages over at once with the vendor's parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { sqlFor } from "@/lib/db/sql";
import { type DidwwFake, startDidwwFake } from "@/lib/providers/didww/fake-didww";
import { type MasivFake, startMasivFake } from "@/lib/providers/masiv/fake-masiv";
import { formatSendOnDate } from "@/lib/providers/masiv/send-message";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { fakeAccountLoader } from "./testing/fake-accounts";
import { expectCountersMatchRecount, runUntilSettled } from "./testing/ledger-checks";
import { seedAccount, seedList } from "./testing/seed-audience";
import { DeliveryWorker } from "./worker";

const HOUR = 3600_000;

describe.each(testDatabases())("scheduling on $name", (target) => {
  const t = useTestDatabase(target, "scheduling");
  let didww: DidwwFake;
  let masiv: MasivFake;
  beforeAll(async () => ([didww, masiv] = await Promise.all([startDidwwFake(), startMasivFake()])));
  afterAll(async () => Promise.all([didww.close(), masiv.close()]));

  const didwwWorker = async () => {
    const account = await seedAccount(t.db, "didww", didww.url);
    const worker = new DeliveryWorker({ sql: sqlFor(t.raw), loadAccount: fakeAccountLoader([{ id: account.id, vendor: "didww", url: didww.url }]), log: () => {} });
    return { account, worker };
  };

  it("starts a campaign scheduled in the app within 5 s of its time, and not before", async () => {
    const { listId, phones } = await seedList(t.raw, "scheduled-soon", 3, 31660000000);
    const { account, worker } = await didwwWorker();
    const scheduledAt = new Date(Date.now() + 3000);
    const campaign = await createCampaign(t.db, { name: "Soon", providerAccountId: account.id, text: "Hello", listIds: [listId], scheduleMode: "at", scheduledAt }, null);
    expect(campaign.status).toBe("scheduled");

    didww.accepted.length = 0;
    const controller = new AbortController();
    const running = worker.run(controller.signal);
    let launchedAt: Date | null = null;
    try {
      while (!launchedAt && Date.now() < scheduledAt.getTime() + 10_000) {
        const c = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
        if (Date.now() < scheduledAt.getTime() - 200) expect(c.status).toBe("scheduled");
        launchedAt = c.launchedAt;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      controller.abort();
      await running;
    }
    expect(launchedAt).not.toBeNull();
    expect(launchedAt!.getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime());
    expect(launchedAt!.getTime() - scheduledAt.getTime()).toBeLessThanOrEqual(5000);

    await runUntilSettled(worker, t.db, campaign.id);
    expect(didww.accepted.map((m) => `+${m.destination}`).sort()).toEqual([...phones].sort());
  });

  it("starts a campaign whose time passed while the app was down, and fails one whose validity passed too", async () => {
    const { listId } = await seedList(t.raw, "scheduled-missed", 2, 31661000000);
    const { account, worker } = await didwwWorker();
    const input = { providerAccountId: account.id, text: "Hello", listIds: [listId], scheduleMode: "at" as const, scheduledAt: new Date(Date.now() + HOUR) };
    const missed = await createCampaign(t.db, { ...input, name: "Missed an hour ago" }, null);
    const stale = await createCampaign(t.db, { ...input, name: "Missed two days ago" }, null);
    // The app was down at both times: the first is within its 24 h validity, the second past it.
    await t.db.campaign.update({ where: { id: missed.id }, data: { scheduledAt: new Date(Date.now() - HOUR) } });
    await t.db.campaign.update({ where: { id: stale.id }, data: { scheduledAt: new Date(Date.now() - 48 * HOUR) } });

    await worker.tick();
    await worker.drain();

    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed", failureReason: expect.stringContaining("validity passed"), recipientCount: 0 });
    expect(await t.db.message.count({ where: { campaignId: stale.id } })).toBe(0);
    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: missed.id } })).toMatchObject({ status: "sending", recipientCount: 2 });
    await runUntilSettled(worker, t.db, missed.id);
    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: missed.id } })).toMatchObject({ submittedCount: 2 });
    await expectCountersMatchRecount(t.db, missed.id);
  });

  it("hands a gateway-scheduled campaign over at once, with the vendor's schedule parameter", async () => {
    const { listId } = await seedList(t.raw, "scheduled-gateway", 2, 31662000000);
    const account = await seedAccount(t.db, "masiv", masiv.baseUrl);
    const worker = new DeliveryWorker({ sql: sqlFor(t.raw), loadAccount: fakeAccountLoader([{ id: account.id, vendor: "masiv", url: masiv.baseUrl }]), log: () => {} });
    const scheduledAt = new Date(Math.ceil((Date.now() + 2 * HOUR) / 1000) * 1000);
    const campaign = await createCampaign(t.db, { name: "Held by Masiv", providerAccountId: account.id, text: "Hello", listIds: [listId], scheduleMode: "gateway", scheduledAt }, null);
    await requestLaunch(sqlFor(t.raw), campaign.id, { userId: null });

    masiv.accepted.length = 0;
    await runUntilSettled(worker, t.db, campaign.id);
    expect(masiv.accepted.map((m) => m.sendOnDate)).toEqual([formatSendOnDate(scheduledAt, "UTC"), formatSendOnDate(scheduledAt, "UTC")]);
    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ submittedCount: 2 });
  });
});
