/**
 * Reports arriving duplicated, late, out of order, or before the id they name (DESIGN.md "Forward-only"
 * and "Reports can overtake ids"), through the same functions the webhook route and the worker call:
 * `ingestReports` and `recordOutcomes`. Every report is stored; none moves a message backwards.
 */
import { describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import type { ReportEvent, SendOutcome } from "@/lib/providers/types";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { claimMessages, markRequestStarted } from "./claim";
import { recordOutcomes } from "./record-outcomes";
import { ingestReports } from "./reports/ingest-reports";
import { expectCountersMatchRecount } from "./testing/ledger-checks";
import { seedAccount, seedList } from "./testing/seed-audience";

/** An outcome as a test writes it; the attempt id is filled in from the claimed message. */
type OutcomeWithoutAttempt = SendOutcome extends infer O ? (O extends SendOutcome ? Omit<O, "attemptId"> : never) : never;

const status = (providerMessageId: string, state: "sent" | "delivered" | "undelivered", rawStatus = state.toUpperCase()): ReportEvent => ({ kind: "status", providerMessageId, state, rawStatus });

describe.each(testDatabases())("report ordering on $name", (target) => {
  const t = useTestDatabase(target, "reports");
  let nextNumber = 31670000000;

  /** A launched campaign of `size` messages, claimed and with their requests started, as a worker holds them. */
  async function inFlight(size: number) {
    const sql = sqlFor(t.raw);
    const { listId } = await seedList(t.raw, `reports-${nextNumber}`, size, nextNumber);
    nextNumber += 1000;
    const account = await seedAccount(t.db, "didww", "http://127.0.0.1:9");
    const campaign = await createCampaign(t.db, { name: "Reports", providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    const claimed = await claimMessages(sql, { campaignId: campaign.id, accountId: account.id, workerId: "test", limit: size, now: new Date() });
    await markRequestStarted(sql, claimed.map((m) => m.attemptId), new Date());
    const record = (outcomes: OutcomeWithoutAttempt[]) =>
      recordOutcomes(sql, account.id, claimed, outcomes.map((o, i) => ({ ...o, attemptId: String(claimed[i].attemptId) }) as SendOutcome));
    const ingest = (events: ReportEvent[]) => ingestReports(sql, account.id, events);
    const message = (i: number) => t.db.message.findUniqueOrThrow({ where: { id: claimed[i].id } });
    const events = (i: number) => t.db.deliveryEvent.findMany({ where: { messageId: claimed[i].id }, orderBy: { id: "asc" } });
    return { campaignId: campaign.id, claimed, record, ingest, message, events };
  }

  it("a late `sent` and a duplicate `delivered` leave a delivered message delivered, and are stored", async () => {
    const c = await inFlight(1);
    await c.record([{ kind: "accepted", providerMessageId: "d-1" }]);
    expect(await c.ingest([status("d-1", "delivered")])).toEqual({ applied: 1, unchanged: 0, unmatched: 0 });
    expect(await c.ingest([status("d-1", "sent"), status("d-1", "delivered")])).toEqual({ applied: 0, unchanged: 2, unmatched: 0 });
    expect(await c.ingest([status("d-1", "undelivered")])).toEqual({ applied: 0, unchanged: 1, unmatched: 0 });
    expect((await c.message(0)).state).toBe("delivered");
    expect((await c.events(0)).map((e) => `${e.rawStatus}:${e.applied}`)).toEqual(["DELIVERED:true", "SENT:false", "DELIVERED:false", "UNDELIVERED:false"]);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("reports out of order in one webhook batch end in the latest state", async () => {
    const c = await inFlight(2);
    await c.record([{ kind: "accepted", providerMessageId: "o-1" }, { kind: "accepted", providerMessageId: "o-2" }]);
    await c.ingest([status("o-1", "delivered"), status("o-2", "sent"), status("o-1", "sent"), status("o-2", "sent")]);
    expect([(await c.message(0)).state, (await c.message(1)).state]).toEqual(["delivered", "sent"]);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("webhook calls arriving together are committed together, each answered with its own tally", async () => {
    const c = await inFlight(4);
    await c.record(c.claimed.map((_, i) => ({ kind: "accepted", providerMessageId: `g-${i}` }) as const));
    const tallies = await Promise.all([
      c.ingest([status("g-0", "delivered")]),
      c.ingest([status("g-1", "sent"), status("g-1", "delivered")]),
      c.ingest([status("g-0", "sent"), status("nobody", "delivered")]),
      c.ingest([status("g-2", "undelivered")]),
    ]);
    expect(tallies).toEqual([
      { applied: 1, unchanged: 0, unmatched: 0 },
      { applied: 2, unchanged: 0, unmatched: 0 },
      { applied: 0, unchanged: 1, unmatched: 1 },
      { applied: 1, unchanged: 0, unmatched: 0 },
    ]);
    expect(await Promise.all([0, 1, 2, 3].map(async (i) => (await c.message(i)).state))).toEqual(["delivered", "delivered", "undelivered", "submitted"]);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("an `unknown` message is resolved by a later report", async () => {
    const c = await inFlight(1);
    await c.record([{ kind: "unknown", reason: "no reply within 300 ms" }]);
    expect((await c.message(0)).state).toBe("unknown");
    // The id became known afterwards (as a poll of the gateway would learn it).
    await t.db.sendAttempt.update({ where: { id: c.claimed[0].attemptId }, data: { providerMessageId: "u-1" } });
    await c.ingest([status("u-1", "delivered")]);
    expect(await c.message(0)).toMatchObject({ state: "delivered" });
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("a DIDWW callback that overtakes the send outcome is applied when the id is recorded", async () => {
    const c = await inFlight(2);
    // The gateway's callbacks reach the webhook before the worker commits the reply that carries the ids.
    expect(await c.ingest([status("early-1", "delivered"), status("early-1", "sent")])).toEqual({ applied: 0, unchanged: 0, unmatched: 2 });
    await c.record([{ kind: "accepted", providerMessageId: "early-1" }, { kind: "accepted", providerMessageId: "early-2" }]);
    expect([(await c.message(0)).state, (await c.message(1)).state]).toEqual(["delivered", "submitted"]);
    expect(await t.db.unmatchedReport.count({ where: { providerMessageId: "early-1" } })).toBe(0);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("an MTTM receipt that overtakes its batch callback is applied when the callback names the id", async () => {
    const c = await inFlight(2);
    const first = await c.message(0);
    await c.record([{ kind: "accepted", batchId: "batch-1" }, { kind: "accepted", batchId: "batch-1" }]);
    expect(await c.ingest([status("jasmin-1", "delivered", "DELIVRD")])).toEqual({ applied: 0, unchanged: 0, unmatched: 1 });
    await c.ingest([{ kind: "batch-result", batchId: "batch-1", to: first.destination, accepted: true, providerMessageId: "jasmin-1" }]);
    expect(await c.message(0)).toMatchObject({ state: "delivered", providerMessageId: "jasmin-1" });

    // And a batch callback that overtakes the batch's own reply waits for the batch id.
    const d = await inFlight(1);
    const only = await d.message(0);
    expect(await d.ingest([{ kind: "batch-result", batchId: "batch-2", to: only.destination, accepted: true, providerMessageId: "jasmin-2" }])).toMatchObject({ unmatched: 1 });
    await d.record([{ kind: "accepted", batchId: "batch-2" }]);
    await d.ingest([status("jasmin-2", "delivered", "DELIVRD")]);
    expect(await d.message(0)).toMatchObject({ state: "delivered", providerMessageId: "jasmin-2" });
    await expectCountersMatchRecount(t.db, c.campaignId);
    await expectCountersMatchRecount(t.db, d.campaignId);
  });
});
