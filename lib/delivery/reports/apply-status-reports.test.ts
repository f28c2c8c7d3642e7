/**
 * PostgreSQL applies status reports in one statement of its own (apply-status-reports.postgres.ts); the
 * generic `applyStatusReports` is the reference. The same story of reports (duplicates, backward reports,
 * an id unknown then recorded, a re-sent message sharing its provider id, an older attempt's report, cost,
 * an opt-out code, raw statuses) is applied once through `ingestReports` and once through the generic
 * function in a campaign of its own, and the two ledgers must be equal in every column the reports touch.
 */
import { describe, expect, it } from "vitest";
import { resendMessages } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { recountAll } from "@/lib/stats/recount";
import type { ReportEvent, SendOutcome } from "@/lib/providers/types";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { claimMessages, markRequestStarted, type ClaimedMessage } from "../claim";
import { CounterDelta } from "../counters";
import { recordOutcomes } from "../record-outcomes";
import { isForward, MESSAGE_STATES } from "../states";
import { expectCountersMatchRecount } from "../testing/ledger-checks";
import { seedAccount, seedList } from "../testing/seed-audience";
import { applyStatusReports, type StatusReport } from "./apply-status-reports";
import { FORWARD_RANK } from "./apply-status-reports.postgres";
import { ingestReports, type IngestTally } from "./ingest-reports";

/** An outcome as a test writes it; the attempt id is filled in from the claimed message. */
type OutcomeWithoutAttempt = SendOutcome extends infer O ? (O extends SendOutcome ? Omit<O, "attemptId"> : never) : never;

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 5, 1, hour, minute));

describe("FORWARD_RANK", () => {
  it("orders states exactly as isForward does, which the one-statement path relies on", () => {
    for (const from of MESSAGE_STATES) {
      for (const to of MESSAGE_STATES) expect(FORWARD_RANK[to] > FORWARD_RANK[from], `${from}→${to}`).toBe(isForward(from, to));
    }
  });
});

describe.each(testDatabases())("status reports on $name", (target) => {
  const t = useTestDatabase(target, "status-reports");
  let nextNumber = 31690000000;

  type Ingest = (sql: ReturnType<typeof sqlFor>, accountId: number, events: StatusReport[], now: Date) => Promise<IngestTally>;

  /** The reference: `applyStatusReports` and the counters in one transaction, whatever the database. */
  const generic: Ingest = (sql, accountId, events, now) =>
    sql.transaction(async (tx) => {
      const counters = new CounterDelta();
      const results = await applyStatusReports(tx, accountId, events, now, counters);
      await counters.write(tx);
      const tally: IngestTally = { applied: 0, unchanged: 0, unmatched: 0 };
      for (const result of results) tally[result] += 1;
      return tally;
    });

  /**
   * Six messages meet every case; ids are `<prefix>-<letter>` so that the two runs do not share them.
   * Returns the tallies of each round of reports and the campaign id.
   */
  async function story(prefix: string, ingest: Ingest) {
    const sql = sqlFor(t.raw);
    const id = (letter: string) => `${prefix}-${letter}`;
    const status = (letter: string, state: "sent" | "delivered" | "undelivered" | "failed", extra: Partial<Extract<ReportEvent, { kind: "status" }>> = {}): StatusReport =>
      ({ kind: "status", providerMessageId: id(letter), state, rawStatus: state.toUpperCase(), ...extra });
    const { listId } = await seedList(t.raw, `status-${prefix}`, 6, nextNumber);
    nextNumber += 100;
    const account = await seedAccount(t.db, "didww", "http://127.0.0.1:9");
    const campaign = await createCampaign(t.db, { name: prefix, providerAccountId: account.id, text: "Hello", listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id, at(9, 50));
    const claim = async (now: Date) => {
      const claimed = await claimMessages(sql, { campaignId: campaign.id, accountId: account.id, workerId: "test", limit: 10, now });
      await markRequestStarted(sql, claimed.map((m) => m.attemptId), now);
      return claimed;
    };
    const record = (messages: ClaimedMessage[], outcomes: OutcomeWithoutAttempt[], now: Date, pollAfterMs?: number) =>
      recordOutcomes(sql, account.id, messages, outcomes.map((o, i) => ({ ...o, attemptId: String(messages[i].attemptId) }) as SendOutcome), now, pollAfterMs);
    const setAttemptId = (messageId: number, letter: string) => t.db.sendAttempt.updateMany({ where: { messageId, number: 1 }, data: { providerMessageId: id(letter) } });
    const tallies: IngestTally[] = [];
    const round = async (events: StatusReport[], now: Date) => void tallies.push(await ingest(sql, account.id, events, now));

    const first = await claim(at(10));
    // f's reports overtake its id: kept, then applied when the id is recorded.
    await round([status("f", "delivered", { cost: { amount: 0.05, currency: "EUR" }, occurredAt: at(10, 1) }), { kind: "raw", providerMessageId: id("f"), rawStatus: "WEIRD", errorCode: "77" }], at(10, 2));
    await record([first[0], first[1], first[3], first[4], first[5]], [
      { kind: "accepted", providerMessageId: id("a") }, { kind: "accepted", providerMessageId: id("b") }, { kind: "unknown", reason: "timeout" },
      { kind: "accepted", providerMessageId: id("e") }, { kind: "accepted", providerMessageId: id("f") },
    ], at(10, 3), 60_000); // a poll is due for accepted messages until a report settles them
    await round([status("e", "failed", { errorCode: "E1", errorText: "boom" })], at(10, 4));
    // Re-sent on purpose: d (unknown) gets a new id; e (failed) is accepted again under the same id.
    await resendMessages(sql, campaign.id, ["unknown", "failed"], { userId: null });
    const second = await claim(at(10, 5));
    await record(second, second.map((m) => ({ kind: "accepted", providerMessageId: id(m.id === first[3].id ? "d2" : "e") })), at(10, 6));
    await setAttemptId(first[3].id, "d");
    // c times out; its id is learned later.
    await record([first[2]], [{ kind: "unknown", reason: "timeout" }], at(10, 7));
    await setAttemptId(first[2].id, "c");

    await round([
      status("a", "delivered"), status("a", "delivered"), status("a", "sent"),
      status("b", "sent", { cost: { amount: 0.01 }, errorText: "queued upstream" }), status("b", "delivered", { errorCode: "0", cost: { amount: 0.04 } }), status("b", "undelivered"),
      { kind: "raw", providerMessageId: id("b"), rawStatus: "ODD" },
      status("c", "sent", { cost: { amount: 0.02 } }), status("c", "delivered"),
      status("d", "delivered", { cost: { amount: 0.02 } }), status("d2", "sent"),
      status("e", "delivered", { cost: { amount: 0.03 }, occurredAt: at(10, 59) }),
      status("nobody", "delivered"),
    ], at(11));
    await round([status("a", "delivered"), status("d2", "failed", { rawStatus: "REJECTD", errorCode: "DND", optOut: true }), status("b", "failed", { optOut: true })], at(11, 30));
    return { tallies, campaignId: campaign.id, accountId: account.id, prefix };
  }

  /** Everything the reports touch, with ids replaced by positions and the run's prefix removed. */
  async function ledger({ campaignId, accountId, prefix }: { campaignId: number; accountId: number; prefix: string }) {
    const strip = (value: string | null) => value?.replaceAll(`${prefix}-`, "") ?? null;
    const messages = await t.db.message.findMany({ where: { campaignId }, orderBy: { id: "asc" }, include: { attempts: { orderBy: { number: "asc" } }, contact: true } });
    const position = new Map(messages.map((m, i) => [m.id, i]));
    const attemptOf = new Map(messages.flatMap((m, i) => m.attempts.map((a) => [a.id, `${i}.${a.number}`] as const)));
    const number = (value: unknown) => (value === null ? null : Number(value));
    const events = await t.db.deliveryEvent.findMany({ where: { providerAccountId: accountId }, orderBy: { id: "asc" } });
    const unmatched = await t.db.unmatchedReport.findMany({ where: { providerAccountId: accountId }, orderBy: { id: "asc" } });
    const campaign = await t.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const stats = await t.db.deliveryStat.findMany({ where: { campaignId }, orderBy: [{ bucketStart: "asc" }, { state: "asc" }] });
    const optOuts = await t.db.optOutEvent.findMany({ where: { contactId: { in: messages.map((m) => m.contactId!) } }, orderBy: { id: "asc" } });
    const contactPosition = new Map(messages.map((m, i) => [m.contactId, i]));
    return {
      messages: messages.map((m) => ({
        state: m.state, errorCode: m.errorCode, errorText: m.errorText, rawStatus: m.rawStatus, cost: number(m.cost), submittedAt: m.submittedAt, sentAt: m.sentAt,
        finalAt: m.finalAt, retryAt: m.retryAt, nextPollAt: m.nextPollAt, claimedBy: m.claimedBy, optedOut: m.contact!.optedOut,
        current: m.currentAttemptId === null ? null : attemptOf.get(m.currentAttemptId),
        attempts: m.attempts.map((a) => ({
          number: a.number, state: a.state, providerMessageId: strip(a.providerMessageId), errorCode: a.errorCode, errorText: a.errorText,
          rawStatus: a.rawStatus, cost: number(a.cost), finishedAt: a.finishedAt,
        })),
      })),
      events: events.map((e) => ({
        message: e.messageId === null ? null : position.get(e.messageId), attempt: e.attemptId === null ? null : attemptOf.get(e.attemptId),
        providerMessageId: strip(e.providerMessageId), state: e.state, rawStatus: e.rawStatus, errorCode: e.errorCode, errorText: e.errorText,
        applied: e.applied, occurredAt: e.occurredAt, receivedAt: e.receivedAt,
      })),
      unmatched: unmatched.map((u) => ({ providerMessageId: strip(u.providerMessageId), event: strip(JSON.stringify(u.event)), receivedAt: u.receivedAt, expiresAt: u.expiresAt })),
      counters: Object.fromEntries(MESSAGE_STATES.map((s) => [s, (campaign as Record<string, unknown>)[`${s}Count`]])),
      stats: stats.map((s) => ({ bucketStart: s.bucketStart, state: s.state, messages: s.messages, segments: s.segments, cost: number(s.cost) })),
      optOuts: optOuts.map((o) => ({ contact: contactPosition.get(o.contactId), optedOut: o.optedOut, source: o.source, detail: o.detail, createdAt: o.createdAt })),
    };
  }

  it("lands in the same ledger through ingestReports as through the generic path", async () => {
    const viaIngest = await story("i", (sql, accountId, events, now) => ingestReports(sql, accountId, events, now));
    const viaGeneric = await story("g", generic);
    const expected = await ledger(viaGeneric);
    expect(await ledger(viaIngest)).toEqual(expected);
    expect(viaIngest.tallies).toEqual(viaGeneric.tallies);
    await expectCountersMatchRecount(t.db, viaIngest.campaignId);
    await expectCountersMatchRecount(t.db, viaGeneric.campaignId);
    // Rollups too: c went unknown → sent → delivered in one round, so it counts from the hour it was sent.
    expect((await recountAll(sqlFor(t.raw), { campaignIds: [viaIngest.campaignId, viaGeneric.campaignId] })).mismatches).toEqual([]);
    expect(expected.messages[2]).toMatchObject({ submittedAt: at(11), sentAt: at(11) });

    // And the reference itself tells the story DESIGN.md asks for.
    expect(viaGeneric.tallies).toEqual([
      { applied: 0, unchanged: 0, unmatched: 2 },
      { applied: 1, unchanged: 0, unmatched: 0 },
      { applied: 8, unchanged: 4, unmatched: 1 },
      { applied: 1, unchanged: 2, unmatched: 0 },
    ]);
    expect(expected.messages.map((m) => [m.state, m.current])).toEqual([
      ["delivered", "0.1"], ["delivered", "1.1"], ["delivered", "2.1"], ["failed", "3.2"], ["delivered", "4.2"], ["delivered", "5.1"],
    ]);
    // d's late report moved its own (older) attempt only; e's went to the latest attempt carrying the id.
    expect(expected.messages[3].attempts.map((a) => [a.providerMessageId, a.state, a.cost])).toEqual([["d", "delivered", 0.02], ["d2", "failed", null]]);
    expect(expected.messages[4].attempts.map((a) => [a.providerMessageId, a.state, a.cost])).toEqual([["e", "failed", null], ["e", "delivered", 0.03]]);
    // The last applied report's values win; one it lacks keeps the earlier report's.
    expect(expected.messages[1]).toMatchObject({ cost: 0.04, errorCode: "0", errorText: "queued upstream", rawStatus: "DELIVERED", optedOut: false, nextPollAt: null });
    expect(expected.messages[2]).toMatchObject({ cost: 0.02, rawStatus: "DELIVERED" });
    expect(expected.messages[3]).toMatchObject({ errorCode: "DND", rawStatus: "REJECTD", optedOut: true });
    expect(expected.messages[5]).toMatchObject({ cost: 0.05 });
    expect(expected.unmatched.map((u) => u.providerMessageId)).toEqual(["nobody"]);
    expect(expected.optOuts.map((o) => [o.contact, o.detail])).toEqual([[3, "delivery report REJECTD"]]);
  });
});
