/**
 * Recovery of claims a dead worker left `sending`, as recoverStaleClaims writes it: a message whose request
 * had not started goes back to `queued` and its attempt is canceled; one whose request started becomes
 * `unknown`, never to be re-sent automatically; fresh claims are left alone; and a second recovery finds
 * nothing, so nothing is counted twice.
 */
import { describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { claimMessages, markRequestStarted } from "./claim";
import { recoverStaleClaims } from "./housekeeping";
import { expectCountersMatchRecount, statesOf } from "./testing/ledger-checks";
import { seedAccount, seedList } from "./testing/seed-audience";

describe.each(testDatabases())("recovering abandoned claims on $name", (target) => {
  const t = useTestDatabase(target, "housekeeping");

  it("re-queues claims whose request never started, marks started ones unknown, and leaves fresh claims alone", async () => {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, "abandoned", 6, 31670000000);
    const account = await seedAccount(t.db, "didww", "http://127.0.0.1:9");
    const campaignId = (await createCampaign(t.db, { name: "Abandoned", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null)).id;
    await launchCampaign(sql, campaignId);
    const claimedAt = new Date(Date.now() - 120_000);
    const stale = await claimMessages(sql, { campaignId, accountId: account.id, workerId: "dead", limit: 4, now: claimedAt });
    await markRequestStarted(sql, stale.slice(0, 2).map((m) => m.attemptId), claimedAt);
    const fresh = await claimMessages(sql, { campaignId, accountId: account.id, workerId: "alive", limit: 2, now: new Date() });

    const now = new Date();
    expect(await recoverStaleClaims(sql, new Date(now.getTime() - 60_000), now)).toEqual({ requeued: 2, unknown: 2 });
    expect(await recoverStaleClaims(sql, new Date(now.getTime() - 60_000), now)).toEqual({ requeued: 0, unknown: 0 });

    const messages = await t.db.message.findMany({ where: { campaignId }, orderBy: { id: "asc" }, include: { attempts: true } });
    const started = "the worker stopped after the request started; it may have reached the gateway";
    expect(messages.map((m) => [m.state, m.claimedBy, m.errorText])).toEqual([
      ["unknown", null, started],
      ["unknown", null, started],
      ["queued", null, null],
      ["queued", null, null],
      ["sending", "alive", null],
      ["sending", "alive", null],
    ]);
    expect(messages.map((m) => m.attempts.map((a) => [a.state, a.errorText, a.finishedAt?.getTime() ?? null]))).toEqual([
      [["unknown", started, now.getTime()]],
      [["unknown", started, now.getTime()]],
      [["canceled", "the worker stopped before sending", now.getTime()]],
      [["canceled", "the worker stopped before sending", now.getTime()]],
      [["sending", null, null]],
      [["sending", null, null]],
    ]);
    expect(fresh.map((m) => m.id)).toEqual(messages.slice(4).map((m) => m.id));
    expect(await statesOf(t.db, campaignId)).toEqual({ unknown: 2, queued: 2, sending: 2 });
    await expectCountersMatchRecount(t.db, campaignId);
  });
});
