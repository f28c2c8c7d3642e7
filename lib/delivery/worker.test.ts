import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { pauseCampaign, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { deleteContacts } from "@/lib/contacts/manage-contact";
import { sqlFor } from "@/lib/db/sql";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { listRecipients } from "@/lib/stats/recipients";
import { compareCampaign } from "@/lib/stats/recount";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { fakeAccountLoader, type FakeAccountSpec } from "./testing/fake-accounts";
import { expectCountersMatchRecount } from "./testing/ledger-checks";
import { startRecordingProxy } from "./testing/recording-proxy";
import { seedAccount, seedList } from "./testing/seed-audience";
import { DeliveryWorker, type WorkerOptions } from "./worker";

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

  /** A worker sending through the DIDWW account `accountId` (at the fake unless `spec` says otherwise). */
  const workerFor = (accountId: number, spec: Partial<FakeAccountSpec> = {}, options: Partial<WorkerOptions> = {}) =>
    new DeliveryWorker({
      sql: sqlFor(t.raw),
      loadAccount: fakeAccountLoader([{ id: accountId, vendor: "didww", url: fake.url, batchSize: 200, timeoutMs: 2000, ...spec }]),
      log: () => {},
      ...options,
    });

  /** `count` fresh contacts in a list, a DIDWW account at `url`, and a campaign to the list, launched. */
  async function launched(name: string, count: number, firstNumber: number, url = fake.url) {
    const { listId, phones } = await seedList(t.raw, `engine-${name}`, count, firstNumber);
    const account = await seedAccount(t.db, "didww", url);
    const campaign = await createCampaign(t.db, { name, providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sqlFor(t.raw), campaign.id);
    return { campaignId: campaign.id, accountId: account.id, listId, phones };
  }

  const campaignRow = (id: number) => t.db.campaign.findUniqueOrThrow({ where: { id } });

  it("launches a list into one message per contact, skips opted-out contacts, sends each number exactly once and completes", async () => {
    const sql = sqlFor(t.raw);
    const { listId, phones } = await seedList(t.raw, "engine-main", 1000);
    await t.db.contact.update({ where: { phone: phones[7] }, data: { optedOut: true } });
    const account = await seedAccount(t.db, "didww", fake.url);
    const campaign = await createCampaign(t.db, { name: "Spring", providerAccountId: account.id, text: "Hi {{first_name|there}}!", listIds: [listId] }, null);
    expect(await launchCampaign(sql, campaign.id)).toBe(true);
    expect(await launchCampaign(sql, campaign.id)).toBe(false); // a second launch does nothing
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "sending", recipientCount: 1000, queuedCount: 999, skippedCount: 1 });

    fake.accepted.length = 0;
    await runUntilDone(workerFor(account.id), t.db, campaign.id);

    expect(await campaignRow(campaign.id)).toMatchObject({ status: "completed", submittedCount: 999 });
    const destinations = fake.accepted.map((m) => m.destination);
    expect(new Set(destinations).size).toBe(destinations.length);
    expect(destinations).toHaveLength(999);
    expect(destinations).not.toContain(phones[7].slice(1));
    expect(fake.accepted.find((m) => m.destination === phones[0].slice(1))?.content).toBe("Hi Name0!");
    await expectCountersMatchRecount(t.db, campaign.id);
    expect(await t.db.sendAttempt.count({ where: { message: { campaignId: campaign.id } } })).toBe(999);
  });

  it("skips a contact who opts out after launch, at claim time", async () => {
    const c = await launched("late-optout", 20, 31620000000);
    await t.db.contact.update({ where: { phone: c.phones[3] }, data: { optedOut: true } });
    await runUntilDone(workerFor(c.accountId), t.db, c.campaignId);
    const message = await t.db.message.findFirstOrThrow({ where: { campaignId: c.campaignId, destination: c.phones[3] } });
    expect(message).toMatchObject({ state: "skipped", skipReason: "opted_out" });
    expect((await campaignRow(c.campaignId)).submittedCount).toBe(19);
  });

  it("skips a contact deleted after launch and completes; a deleted contact's sent messages stay in the ledger", async () => {
    const sql = sqlFor(t.raw);
    const earlier = await launched("deleted", 6, 31625000000);
    const { phones } = earlier;
    await runUntilDone(workerFor(earlier.accountId), t.db, earlier.campaignId);
    const campaign = await createCampaign(t.db, { name: "After", providerAccountId: earlier.accountId, text: "Hello again", listIds: [earlier.listId] }, null);
    await launchCampaign(sql, campaign.id);

    const leaving = await t.db.contact.findUniqueOrThrow({ where: { phone: phones[2] } });
    expect(await deleteContacts(t.db, null, [leaving.id])).toBe(1);
    fake.accepted.length = 0;
    await runUntilDone(workerFor(earlier.accountId), t.db, campaign.id);

    expect(await campaignRow(campaign.id)).toMatchObject({ status: "completed", submittedCount: 5, skippedCount: 1 });
    expect(fake.accepted.map((m) => m.destination)).not.toContain(phones[2].slice(1));
    const skipped = await t.db.message.findFirstOrThrow({ where: { campaignId: campaign.id, destination: phones[2] } });
    expect(skipped).toMatchObject({ state: "skipped", skipReason: "contact_deleted", contactId: null });
    // What was sent to the contact before stays: the ledger is what the gateway billed.
    const sent = await t.db.message.findFirstOrThrow({ where: { campaignId: earlier.campaignId, destination: phones[2] } });
    expect(sent).toMatchObject({ state: "submitted", contactId: null });
    for (const id of [earlier.campaignId, campaign.id]) {
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
      const c = await launched("in-flight", 120, 31626000000, proxy.url);
      // Each of the 12 batch requests takes 100 ms at the gateway, so a worker not bounded would have all 12 out at once.
      fake.server.inject({ type: "slow", ms: 100 }, 12);
      await runUntilDone(workerFor(c.accountId, { url: proxy.url, batchSize: 10 }, { maxInFlightPerAccount: 3 }), t.db, c.campaignId);
      expect(await campaignRow(c.campaignId)).toMatchObject({ status: "completed", submittedCount: 120 });
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
    const c = await launched("faults", 5, 31630000000);
    fake.server.inject({ type: "status", status: 502, body: "bad gateway" });
    const before = fake.acceptedCount;
    await runUntilDone(workerFor(c.accountId), t.db, c.campaignId);
    expect(await campaignRow(c.campaignId)).toMatchObject({ status: "completed", unknownCount: 5 });
    expect(fake.acceptedCount - before).toBe(0);
  });

  it("retries a throughput refusal (429) with a new attempt and sends each number once", async () => {
    const c = await launched("retry", 4, 31640000000);
    fake.failNext(429, { title: "Too many requests" });
    fake.accepted.length = 0;
    await runUntilDone(workerFor(c.accountId), t.db, c.campaignId);
    expect((await campaignRow(c.campaignId)).submittedCount).toBe(4);
    expect(fake.accepted.map((m) => `+${m.destination}`).sort()).toEqual(c.phones);
    const attempts = await t.db.sendAttempt.findMany({ where: { message: { campaignId: c.campaignId } }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => a.state)).toEqual(["queued", "queued", "queued", "queued", "submitted", "submitted", "submitted", "submitted"]);
  });

  it("claims nothing while a campaign is paused and finishes it once resumed", async () => {
    const sql = sqlFor(t.raw);
    const c = await launched("pause", 6, 31690000000);
    await pauseCampaign(sql, c.campaignId, { userId: null });
    const worker = workerFor(c.accountId);
    const before = fake.acceptedCount;
    expect(await worker.tick()).toBe(0);
    await worker.drain();
    expect(fake.acceptedCount).toBe(before);
    expect((await campaignRow(c.campaignId)).queuedCount).toBe(6);
    await resumeCampaign(sql, c.campaignId, { userId: null });
    await runUntilDone(worker, t.db, c.campaignId);
    expect(fake.acceptedCount - before).toBe(6);
  });
});
