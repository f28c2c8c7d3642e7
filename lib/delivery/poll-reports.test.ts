import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { masivProvider } from "@/lib/providers/masiv";
import { startMasivFake, type MasivFake } from "@/lib/providers/masiv/fake-masiv";
import { masivSettingsFor, NO_REPORT_URLS } from "@/lib/providers/masiv/test-support";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { nextPollDelayMs } from "./poll-reports";
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
    const polled = await t.db.message.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
    expect(polled.map((m) => m.state)).toEqual(["delivered", "undelivered", "sent"]);
    expect(polled[0].nextPollAt).toBeNull();
    expect(polled[2].nextPollAt!.getTime()).toBeGreaterThan(Date.now());
    const c = await t.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(c).toMatchObject({ deliveredCount: 1, undeliveredCount: 1, sentCount: 1, submittedCount: 0 });
  });
});
