import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { pauseCampaign, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { deleteContacts } from "@/lib/contacts/manage-contact";
import { sqlFor } from "@/lib/db/sql";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { didwwProvider } from "@/lib/providers/didww";
import { didwwSettingsFor, REPORT_URLS } from "@/lib/providers/didww/test-support";
import { listRecipients } from "@/lib/stats/recipients";
import { compareCampaign } from "@/lib/stats/recount";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { COUNTER_COLUMN, MESSAGE_STATES } from "./states";
import { expectCountersMatchRecount } from "./testing/ledger-checks";
import { startRecordingProxy } from "./testing/recording-proxy";
import { seedAccount, seedList } from "./testing/seed-audience";
import { DeliveryWorker } from "./worker";

/** Runs the worker until the campaign leaves `sending` (or a deadline passes). */
async function runUntilDone(worker: DeliveryWorker, db: { campaign: { findUniqueOrThrow: Function } }, campaignId: number, deadlineMs = 20_000) {
  const controller = new AbortController();
  const running = worker.run(controller.signal);
  const started = Date.now();
  for (;;) {
    const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    if (c.status !== "sending" || Date.now() - started > deadlineMs) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  controller.abort();
  await running;
}

describe.each(testDatabases())("delivery engine on $name", (target) => {
  const t = useTestDatabase(target, "engine");
  let fake: DidwwFake;
  beforeAll(async () => (fake = await startDidwwFake()));
  afterAll(async () => fake.close());

  const loaderFor = (accountId: number, rate = 100_000) => async () => ({
    id: accountId, enabled: true, rateLimitPerSecond: rate, batchSize: 200, timeoutMs: 2000,
    adapter: didwwProvider.create(didwwSettingsFor(fake, { batchSize: 200 })),
    reportUrls: REPORT_URLS,
  });

  it("launches a list into one message per contact, skips opted-out contacts, sends each number exactly once and completes", async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "engine-main", 1000);
    await t.db.contact.update({ where: { phone: phones[7] }, data: { optedOut: true } });
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Spring", providerAccountId: account.id, text: "Hi {{first_name|there}}!", listIds: [listId] }, null);
    expect(await launchCampaign(sql, campaign.id)).toBe(true);
    expect(await launchCampaign(sql, campaign.id)).toBe(false); // a second launch does nothing

    const launched = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(launched).toMatchObject({ status: "sending", recipientCount: 1000, queuedCount: 999, skippedCount: 1 });

    fake.accepted.length = 0;
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, campaign.id);

    const done = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(done.status).toBe("completed");
    expect(done.submittedCount).toBe(999);
    const destinations = fake.accepted.map((m) => m.destination);
    expect(new Set(destinations).size).toBe(destinations.length);
    expect(destinations).toHaveLength(999);
    expect(destinations).not.toContain(phones[7].slice(1));
    expect(fake.accepted.find((m) => m.destination === phones[0].slice(1))?.content).toBe("Hi Name0!");

    // Counters equal a recount of the ledger.
    const recount = await t.db.message.groupBy({ by: ["state"], where: { campaignId: campaign.id }, _count: true });
    for (const state of MESSAGE_STATES) {
      const counted = recount.find((r) => r.state === state)?._count ?? 0;
      expect((done as Record<string, unknown>)[COUNTER_COLUMN[state]], state).toBe(counted);
    }
    const attempts = await t.db.sendAttempt.count({ where: { message: { campaignId: campaign.id } } });
    expect(attempts).toBe(999);
  });

  it("skips a contact who opts out after launch, at claim time", async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "engine-late-optout", 20, 31620000000);
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Late", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    await t.db.contact.update({ where: { phone: phones[3] }, data: { optedOut: true } });
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, campaign.id);
    const message = await t.db.message.findFirstOrThrow({ where: { campaignId: campaign.id, destination: phones[3] } });
    expect(message).toMatchObject({ state: "skipped", skipReason: "opted_out" });
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).submittedCount).toBe(19);
  });

  it("skips a contact deleted after launch and completes; a deleted contact's sent messages stay in the ledger", async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "engine-deleted", 6, 31625000000);
    const account = await seedAccount(t.db, "didww", fake.url);
    const earlier = await createCampaign(t.db, { name: "Before", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, earlier.id);
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, earlier.id);
    const campaign = await createCampaign(t.db, { name: "After", providerAccountId: account.id, text: "Hello again", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);

    const leaving = await t.db.contact.findUniqueOrThrow({ where: { phone: phones[2] } });
    expect(await deleteContacts(t.db, null, [leaving.id])).toBe(1);
    fake.accepted.length = 0;
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, campaign.id);

    expect(await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "completed", submittedCount: 5, skippedCount: 1 });
    expect(fake.accepted.map((m) => m.destination)).not.toContain(phones[2].slice(1));
    const skipped = await t.db.message.findFirstOrThrow({ where: { campaignId: campaign.id, destination: phones[2] } });
    expect(skipped).toMatchObject({ state: "skipped", skipReason: "contact_deleted", contactId: null });
    // What was sent to the contact before stays: the ledger is what the gateway billed.
    const sent = await t.db.message.findFirstOrThrow({ where: { campaignId: earlier.id, destination: phones[2] } });
    expect(sent).toMatchObject({ state: "submitted", contactId: null });
    for (const id of [earlier.id, campaign.id]) {
      await expectCountersMatchRecount(t.db, id);
      expect(await sql.transaction((tx) => compareCampaign(tx, id))).toEqual([]);
      // The report's recipient table still lists the message, without a name.
      const { rows } = await listRecipients(sql, id, { q: phones[2] });
      expect(rows.map((r) => [r.destination, r.name])).toEqual([[phones[2], ""]]);
    }
  });

  it("keeps at most maxInFlightPerAccount requests in flight to an account, and uses them all", async () => {
    const proxy = await startRecordingProxy(fake.url);
    try {
      const sql = sqlFor(t.raw);
      const { listId } = await seedList(t.raw, "engine-in-flight", 120, 31626000000);
      const account = await seedAccount(t.db, "didww", proxy.url);
      const campaign = await createCampaign(t.db, { name: "Bounded", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
      await launchCampaign(sql, campaign.id);
      const loadAccount = async () => ({
        id: account.id, enabled: true, rateLimitPerSecond: 100_000, batchSize: 10, timeoutMs: 2000,
        adapter: didwwProvider.create(didwwSettingsFor(proxy, { batchSize: 10 })), reportUrls: REPORT_URLS,
      });
      // Each of the 12 batch requests takes 100 ms at the gateway, so a worker not bounded would have all 12 out at once.
      fake.server.inject({ type: "slow", ms: 100 }, 12);
      await runUntilDone(new DeliveryWorker({ sql, loadAccount, maxInFlightPerAccount: 3, log: () => {} }), t.db, campaign.id);
      expect(await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "completed", submittedCount: 120 });
      const edges = proxy.requests.flatMap((r) => [{ at: r.at, step: 1 }, { at: r.answeredAt, step: -1 }]).sort((a, b) => a.at - b.at || a.step - b.step);
      let inFlight = 0;
      let most = 0;
      for (const edge of edges) most = Math.max(most, (inFlight += edge.step));
      expect(proxy.requests).toHaveLength(12);
      expect(most).toBe(3);
    } finally {
      await proxy.close();
    }
  });

  it("turns a gateway 5xx into unknown, never re-sent automatically", async () => {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, "engine-faults", 5, 31630000000);
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Faults", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    fake.server.inject({ type: "status", status: 502, body: "bad gateway" });
    const before = fake.acceptedCount;
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, campaign.id);
    const done = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(done).toMatchObject({ status: "completed", unknownCount: 5 });
    expect(fake.acceptedCount - before).toBe(0);
  });

  it("retries a throughput refusal (429) with a new attempt and sends each number once", async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "engine-retry", 4, 31640000000);
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Retry", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    fake.failNext(429, { title: "Too many requests" });
    fake.accepted.length = 0;
    await runUntilDone(new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} }), t.db, campaign.id);
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).submittedCount).toBe(4);
    expect(fake.accepted.map((m) => `+${m.destination}`).sort()).toEqual(phones);
    const attempts = await t.db.sendAttempt.findMany({ where: { message: { campaignId: campaign.id } }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => a.state)).toEqual(["queued", "queued", "queued", "queued", "submitted", "submitted", "submitted", "submitted"]);
  });

  it("claims nothing while a campaign is paused and finishes it once resumed", async () => {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, "engine-pause", 6, 31690000000);
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Paused", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    await pauseCampaign(sql, campaign.id, { userId: null });
    const worker = new DeliveryWorker({ sql, loadAccount: loaderFor(account.id), log: () => {} });
    const before = fake.acceptedCount;
    expect(await worker.tick()).toBe(0);
    await worker.drain();
    expect(fake.acceptedCount).toBe(before);
    expect((await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).queuedCount).toBe(6);
    await resumeCampaign(sql, campaign.id, { userId: null });
    await runUntilDone(worker, t.db, campaign.id);
    expect(fake.acceptedCount - before).toBe(6);
  });
});
