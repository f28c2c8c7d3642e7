/**
 * The dashboard rollups and campaign counters, maintained by the engine as it goes, equal a full recount
 * after a campaign that meets every kind of outcome, duplicate and early reports, a crash mid-way, a
 * re-send, a cancel and an expiry, with changes spread over several hours.
 */
import { describe, expect, it } from "vitest";
import { cancelCampaign, resendMessages } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { claimMessages, markRequestStarted, type ClaimedMessage } from "@/lib/delivery/claim";
import { expireMessages, recoverStaleClaims } from "@/lib/delivery/housekeeping";
import { recordOutcomes } from "@/lib/delivery/record-outcomes";
import { ingestReports } from "@/lib/delivery/reports/ingest-reports";
import { seedAccount, seedList } from "@/lib/delivery/testing/seed-audience";
import type { ReportEvent, SendOutcome } from "@/lib/providers/types";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { getCampaignReport } from "./campaign-report";
import { getOverview } from "./overview";
import { periodSchema, resolvePeriod } from "./period";
import { compareCampaign, recountAll } from "./recount";

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 5, 1, hour, minute));

describe.each(testDatabases())("rollups on $name", (target) => {
  const t = useTestDatabase(target, "rollups");

  it("equal a full recount after every kind of outcome, duplicate reports, a crash, a re-send, a cancel and an expiry", async () => {
    const sql = sqlFor(t.raw);
    const differences = (campaignId: number) => sql.transaction((tx) => compareCampaign(tx, campaignId));
    const { listId, phones } = await seedList(t.raw, "rollup-list", 40, 31650000000);
    await t.db.contact.update({ where: { phone: phones[0] }, data: { optedOut: true } });
    const account = await seedAccount(t.db, "didww", "http://unused.test");
    await t.db.providerAccount.update({ where: { id: account.id }, data: { pricePerSegment: 0.05, currency: "EUR" } });
    const { id } = await createCampaign(t.db, { name: "Every outcome", providerAccountId: account.id, text: "Hello {{first_name}}", listIds: [listId] }, null);
    await launchCampaign(sql, id, at(9, 50));
    expect(await differences(id)).toEqual([]);

    // A contact opts out after launch: skipped at claim.
    await t.db.contact.update({ where: { phone: phones[1] }, data: { optedOut: true } });
    const claim = (limit: number, now: Date) => claimMessages(sql, { campaignId: id, accountId: account.id, workerId: "w1", limit, now });
    const first = await claim(20, at(10, 0));
    expect(first).toHaveLength(19);

    // Outcomes at 11:30: 12 accepted, 2 rejected, 2 unknown, 3 retryable. A report for p1 overtook its id.
    await ingestReports(sql, account.id, [{ kind: "status", providerMessageId: "p1", state: "sent", rawStatus: "ENROUTE" }], at(11, 29));
    const outcomes: SendOutcome[] = first.map((m, i): SendOutcome => {
      const attemptId = String(m.attemptId);
      if (i < 12) return { kind: "accepted", attemptId, providerMessageId: `p${i}` };
      if (i < 14) return { kind: "rejected", attemptId, code: "400", reason: "invalid destination" };
      if (i < 16) return { kind: "unknown", attemptId, reason: "timeout" };
      return { kind: "retryable", attemptId, code: "429", reason: "throughput", retryAfterMs: 0 };
    });
    await recordOutcomes(sql, account.id, first, outcomes, at(11, 30));
    expect(await differences(id)).toEqual([]);

    // Reports at 12:10, one with a price, each state once, duplicates, and an unknown resolved.
    const status = (n: number, state: "sent" | "delivered" | "undelivered" | "failed" | "expired", extra: Partial<Extract<ReportEvent, { kind: "status" }>> = {}): ReportEvent =>
      ({ kind: "status", providerMessageId: `p${n}`, state, rawStatus: state.toUpperCase(), ...extra });
    const reports: ReportEvent[] = [
      status(0, "delivered", { cost: { amount: 0.07 } }), status(0, "delivered", { cost: { amount: 0.07 } }),
      status(2, "sent"), status(2, "delivered"), status(3, "delivered"), status(4, "delivered"),
      status(5, "undelivered", { errorCode: "UNDELIV" }), status(6, "failed", { errorCode: "REJECTD", errorText: "Rejected by carrier" }),
      status(7, "expired"), status(7, "delivered"), status(8, "sent"), { kind: "raw", providerMessageId: "p9", rawStatus: "WHAT" },
    ];
    await ingestReports(sql, account.id, reports, at(12, 10));
    await ingestReports(sql, account.id, reports.slice(0, 4), at(12, 20));
    expect(await differences(id)).toEqual([]);

    // A crash mid-way at 13:00: two requests had started, the rest had not.
    const second = await claim(10, at(13, 0));
    await markRequestStarted(sql, second.slice(0, 2).map((m: ClaimedMessage) => m.attemptId), at(13, 0));
    const recovered = await recoverStaleClaims(sql, at(13, 5), at(13, 10));
    expect(recovered).toEqual({ requeued: second.length - 2, unknown: 2 });
    expect(await differences(id)).toEqual([]);

    // A re-send of unknown and failed at 14:00, accepted, then delivered.
    expect(await resendMessages(sql, id, ["unknown", "failed"], { userId: null })).toBe(5);
    const third = await claim(8, at(14, 0));
    await recordOutcomes(sql, account.id, third, third.map((m, i): SendOutcome =>
      i === 0 ? { kind: "unknown", attemptId: String(m.attemptId), reason: "timeout" } : { kind: "accepted", attemptId: String(m.attemptId), providerMessageId: `r${i}` }), at(14, 1));
    await ingestReports(sql, account.id, [
      ...third.slice(1, 5).map((_, i): ReportEvent => ({ kind: "status", providerMessageId: `r${i + 1}`, state: "delivered", rawStatus: "DELIVRD" })),
      { kind: "status", providerMessageId: "r5", state: "failed", rawStatus: "REJECTD", errorCode: "REJECTD" },
    ], at(15, 0));
    expect(await differences(id)).toEqual([]);

    // A second campaign: half expires in the queue, the rest is canceled.
    const other = await createCampaign(t.db, { name: "Expire and cancel", providerAccountId: account.id, text: "Hi", listIds: [listId] }, null);
    await launchCampaign(sql, other.id, at(9, 0));
    await t.db.message.updateMany({ where: { campaignId: other.id, id: { lte: (await t.db.message.findFirstOrThrow({ where: { campaignId: other.id }, orderBy: { id: "asc" } })).id + 10 } }, data: { expiresAt: at(10) } });
    const due = await t.db.message.count({ where: { campaignId: other.id, state: "queued", expiresAt: { lt: at(11) } } });
    expect(due).toBeGreaterThan(0);
    expect(await expireMessages(sql, at(11))).toBe(due);
    await cancelCampaign(sql, other.id, { userId: null });
    expect(await differences(other.id)).toEqual([]);

    // Every state was reached, and the report reads the same numbers.
    const states = new Set((await t.db.message.findMany({ where: { campaignId: { in: [id, other.id] } }, select: { state: true } })).map((m) => m.state));
    for (const s of ["skipped", "submitted", "sent", "delivered", "undelivered", "failed", "rejected", "expired", "unknown", "canceled", "queued"]) expect(states, s).toContain(s);
    const report = await getCampaignReport(sql, id);
    expect(report.counts.delivered).toBe(await t.db.message.count({ where: { campaignId: id, state: "delivered" } }));
    expect(report.cost.reported).toBeCloseTo(0.07);
    expect(report.failureReasons).toContainEqual({ state: "undelivered", errorCode: "UNDELIV", errorText: null, messages: 1 });
    const overview = await getOverview(sql, { period: resolvePeriod(periodSchema.parse({ period: "custom", from: "2026-06-01", to: "2026-06-01" }), "UTC"), timeZone: "UTC" });
    expect(overview.total).toBe(80);
    expect(overview.series.find((p) => p.at.getTime() === at(11).getTime())?.handedOver).toBeGreaterThan(0);
    expect(overview.costs).toEqual([{ currency: "EUR", estimated: expect.any(Number), reported: expect.closeTo(0.07) }]);

    // A tampered rollup row is found, and rebuilt from the ledger.
    await sql.run(`UPDATE "DeliveryStat" SET "messages" = "messages" + 1 WHERE "campaignId" = ? AND "state" = 'delivered'`, [id]);
    const found = await recountAll(sql, { rebuild: true });
    expect(found.mismatches.map((m) => m.campaignId)).toEqual([id]);
    expect((await recountAll(sql)).mismatches).toEqual([]);
  });
});
