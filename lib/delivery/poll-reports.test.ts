import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { masivProvider } from "@/lib/providers/masiv";
import { startMasivFake, type MasivFake } from "@/lib/providers/masiv/fake-masiv";
import { masivSettingsFor, NO_REPORT_URLS } from "@/lib/providers/masiv/test-support";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { dueMessagesQuery, nextPollDelayMs, pollDueReports } from "./poll-reports";
import { seedAccount, seedList } from "./testing/seed-audience";
import { DeliveryWorker } from "./worker";

describe("nextPollDelayMs", () => {
  it("polls young messages every 5 s, older ones less often, and gives up after 72 h", () => {
    expect(nextPollDelayMs(1000)).toBe(5000);
    expect(nextPollDelayMs(60_000)).toBe(30_000);
    expect(nextPollDelayMs(24 * 3600_000)).toBe(30 * 60_000);
    expect(nextPollDelayMs(73 * 3600_000)).toBeNull();
  });
});

describe.each(testDatabases())("polled delivery reports (Masiv) on $name", (target) => {
  const t = useTestDatabase(target, "poll");

  // SQLite has no statistics to choose by (PostgreSQL does, and picks the index itself).
  it.runIf(target.name === "sqlite")("finds due messages through the nextPollAt index, not by scanning every submitted message", async () => {
    const plan = await sqlFor(t.raw).all<{ detail: string }>(`EXPLAIN QUERY PLAN ${dueMessagesQuery("sqlite")}`, [new Date(), 200]);
    expect(plan.map((row) => row.detail).join(" | ")).toBe("SEARCH Message USING INDEX Message_nextPollAt_idx (nextPollAt<?)");
  });
  let fake: MasivFake;
  beforeAll(async () => (fake = await startMasivFake()));
  afterAll(async () => fake.close());

  it("asks the gateway about accepted messages until they reach a final state", async () => {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, "poll", 3, 31680000000);
    const account = await seedAccount(t.db, "masiv", fake.baseUrl);
    const worker = new DeliveryWorker({
      sql,
      log: () => {},
      loadAccount: async () => ({ id: account.id, enabled: true, rateLimitPerSecond: 1000, batchSize: 1, timeoutMs: 2000, adapter: masivProvider.create(masivSettingsFor(fake)), reportUrls: NO_REPORT_URLS }),
    });
    const campaign = await createCampaign(t.db, { name: "Polled", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    await worker.tick();
    await worker.drain();
    const sent = await t.db.message.findMany({ where: { campaignId: campaign.id } });
    expect(sent.every((m) => m.state === "submitted" && m.providerMessageId && m.nextPollAt)).toBe(true);

    const [first, second] = sent;
    fake.setStatus(first.providerMessageId!, "3"); // delivered to the handset
    fake.setStatus(second.providerMessageId!, "4"); // delivery error
    await worker.tick(new Date(Date.now() + 10_000)); // chores run, the polls are due
    await worker.drain(); // polling runs beside the sending
    const polled = await t.db.message.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
    expect(polled.map((m) => m.state)).toEqual(["delivered", "undelivered", "sent"]);
    expect(polled[0].nextPollAt).toBeNull();
    expect(polled[2].nextPollAt!.getTime()).toBeGreaterThan(Date.now());
    const c = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(c).toMatchObject({ deliveredCount: 1, undeliveredCount: 1, sentCount: 1, submittedCount: 0 });
  });

  /** A worker for `accountId` on the fake, and a sent campaign of `count` messages it has to poll about. */
  async function sentCampaign(name: string, count: number, firstNumber: number, timeoutMs = 2000) {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, name, count, firstNumber);
    const account = await seedAccount(t.db, "masiv", fake.baseUrl);
    const engineAccount = { id: account.id, enabled: true, rateLimitPerSecond: 100_000, batchSize: 1, timeoutMs, adapter: masivProvider.create(masivSettingsFor(fake, { timeoutMs })), reportUrls: NO_REPORT_URLS };
    const worker = new DeliveryWorker({ sql, log: () => {}, loadAccount: async () => engineAccount });
    const campaign = await createCampaign(t.db, { name, providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    while ((await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).queuedCount > 0) await worker.tick();
    await worker.drain();
    return { sql, worker, campaign, account: engineAccount };
  }
  const polls = () => fake.server.requests.filter((r) => /reporthandler/i.test(r.path)).map((r) => r.query.get("messageid") ?? r.query.get("messageId"));

  it("asks about every due message in one pass, round after round, and each message once when two pollers run at once", async () => {
    const { sql, campaign, account } = await sentCampaign("Many polled", 450, 31681000000);
    fake.server.reset();
    const later = new Date(Date.now() + 10_000);
    const asked = await Promise.all([pollDueReports(sql, async () => account, later), pollDueReports(sql, async () => account, later)]);
    expect(asked[0] + asked[1]).toBe(450);
    expect(new Set(polls()).size).toBe(450);
    expect(polls()).toHaveLength(450);
    const states = await t.db.message.groupBy({ by: ["state"], where: { campaignId: campaign.id }, _count: true });
    expect(states).toEqual([{ state: "sent", _count: 450 }]);
  });

  it("keeps sending while a poll waits on a slow gateway, and backs off the messages of a failed poll", async () => {
    const first = await sentCampaign("Slow poll", 2, 31682000000, 1500);
    fake.server.reset();
    fake.server.inject({ type: "hang" }, 2, "Reporthandler.ashx");
    const started = Date.now();
    await first.worker.tick(new Date(started + 10_000)); // starts the poll, which hangs
    const second = await createCampaign(t.db, { name: "Sent meanwhile", providerAccountId: first.account.id, text: "Hi", listIds: [(await seedList(t.raw, "meanwhile", 3, 31683000000)).listId] }, null);
    await launchCampaign(first.sql, second.id);
    await first.worker.tick(new Date(started + 10_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await t.db.message.count({ where: { campaignId: second.id, state: "submitted" } })).toBe(3);
    expect(Date.now() - started).toBeLessThan(1500);

    await first.worker.drain(); // the hanging poll times out
    const backedOff = await t.db.message.findMany({ where: { campaignId: first.campaign.id } });
    expect(backedOff.every((m) => m.state === "submitted" && m.nextPollAt!.getTime() >= started + 10_000 + 59_000)).toBe(true);
  });
});
