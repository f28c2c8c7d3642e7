/**
 * Gateway faults through the whole engine (launch, claim, adapter, fake gateway, outcome), each ending in
 * the state DESIGN.md gives it: what may have reached the gateway is `unknown` and never re-sent; what the
 * gateway provably did not queue is retried (and slows the account down); what it refused is `rejected`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { DEFAULT_OPT_OUT_CODES } from "@/lib/providers/bulksms/codes";
import { startBulksmsFake, type BulksmsFake } from "@/lib/providers/bulksms/fake-bulksms";
import { startDidwwFake, type DidwwFake } from "@/lib/providers/didww/fake-didww";
import { MTTM_ERRORS, startMttmFake, type MttmFake } from "@/lib/providers/mttm/fake-mttm";
import { mttmProvider } from "@/lib/providers/mttm";
import { startReportReceiver } from "@/lib/providers/mttm/report-receiver";
import { mttmOptionsSchema } from "@/lib/providers/mttm/settings";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { markRequestStarted, claimMessages } from "./claim";
import { recoverStaleClaims } from "./housekeeping";
import { ingestReports } from "./reports/ingest-reports";
import { sendClaimed } from "./send-batch";
import { fakeAccountLoader, fakeEngineAccount, type FakeAccountSpec } from "./testing/fake-accounts";
import { expectCountersMatchRecount, runUntilSettled, statesOf } from "./testing/ledger-checks";
import { startRecordingProxy } from "./testing/recording-proxy";
import { seedAccount, seedList } from "./testing/seed-audience";
import { DeliveryWorker } from "./worker";

describe.each(testDatabases())("gateway faults on $name", (target) => {
  const t = useTestDatabase(target, "faults");
  let didww: DidwwFake;
  let bulksms: BulksmsFake;
  let mttm: MttmFake;
  let nextNumber = 31660000000;
  beforeAll(async () => {
    [didww, bulksms, mttm] = await Promise.all([startDidwwFake(), startBulksmsFake(), startMttmFake({ callbacks: "manual" })]);
  });
  afterAll(async () => Promise.all([didww.close(), bulksms.close(), mttm.close()]));

  /** A launched campaign of `size` fresh contacts on a new account row; returns what the tests need. */
  async function launched(vendor: FakeAccountSpec["vendor"], size: number, url: string, spec: Partial<FakeAccountSpec> = {}) {
    const { listId, phones } = await seedList(t.raw, `faults-${nextNumber}`, size, nextNumber);
    nextNumber += 1000;
    const row = await seedAccount(t.db, vendor, url);
    const campaign = await createCampaign(t.db, { name: `Faults ${vendor}`, providerAccountId: row.id, text: "Hello from the faults test", listIds: [listId] }, null);
    await launchCampaign(sqlFor(t.raw), campaign.id);
    const account: FakeAccountSpec = { id: row.id, vendor, url, ...spec };
    const run = () => runUntilSettled(new DeliveryWorker({ sql: sqlFor(t.raw), loadAccount: fakeAccountLoader([account]), log: () => {} }), t.db, campaign.id);
    return { campaignId: campaign.id, account, phones, run };
  }

  const messagesOf = (campaignId: number) => t.db.message.findMany({ where: { campaignId }, include: { attempts: { orderBy: { number: "asc" } } }, orderBy: { id: "asc" } });
  const sendRequests = () => bulksms.server.requests.filter((r) => r.path === "/bulksms/bulksms");

  it("an HTTP 5xx from bulksms leaves the batch unknown, asked once", async () => {
    const c = await launched("bulksms", 3, bulksms.url);
    const before = sendRequests().length;
    bulksms.server.inject({ type: "status", status: 500, body: "Internal Server Error" });
    await c.run();
    expect(await statesOf(t.db, c.campaignId)).toEqual({ unknown: 3 });
    expect(sendRequests().length - before).toBe(1);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("a request hanging past the account's timeout is unknown, never re-sent", async () => {
    const c = await launched("didww", 3, didww.url, { timeoutMs: 300 });
    const before = didww.server.requests.length;
    didww.server.inject({ type: "hang" });
    await c.run();
    const messages = await messagesOf(c.campaignId);
    expect(messages.map((m) => m.state)).toEqual(["unknown", "unknown", "unknown"]);
    expect(messages[0].errorText).toMatch(/300 ms/);
    expect(messages.every((m) => m.attempts.length === 1)).toBe(true);
    expect(didww.server.requests.length - before).toBe(1);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("bulksms 1715 (response timeout inside the gateway) is unknown and never re-submitted", async () => {
    const c = await launched("bulksms", 3, bulksms.url);
    const before = sendRequests().length;
    bulksms.forceCode("1715");
    await c.run();
    const messages = await messagesOf(c.campaignId);
    expect(messages.map((m) => m.state)).toEqual(["unknown", "unknown", "unknown"]);
    expect(messages[0].errorText).toMatch(/1715/);
    expect(messages.every((m) => m.attempts.length === 1)).toBe(true);
    expect(sendRequests().length - before).toBe(1);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("a bulksms code that means do-not-disturb rejects the message and opts its contact out, with the gateway as source", async () => {
    const c = await launched("bulksms", 3, bulksms.url);
    const [dndCode] = DEFAULT_OPT_OUT_CODES;
    bulksms.forceCode(dndCode, { destination: c.phones[1] });
    await c.run();
    const messages = await messagesOf(c.campaignId);
    expect(messages.map((m) => `${m.state}:${m.errorCode ?? ""}`)).toEqual(["submitted:", `rejected:${dndCode}`, "submitted:"]);
    const contacts = await t.db.contact.findMany({ where: { phone: { in: c.phones } }, orderBy: { phone: "asc" } });
    expect(contacts.map((contact) => [contact.phone, contact.optedOut, contact.optOutSource])).toEqual(
      c.phones.map((phone, i) => [phone, i === 1, i === 1 ? "gateway" : null]),
    );
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("bulksms 1709 (user validation failed) is retried with a new attempt and each number accepted once", async () => {
    const c = await launched("bulksms", 3, bulksms.url, { options: { retryAfterMs: 1000 } });
    bulksms.forceCode("1709");
    const acceptedBefore = bulksms.accepted.length;
    await c.run();
    const messages = await messagesOf(c.campaignId);
    expect(messages.map((m) => m.state)).toEqual(["submitted", "submitted", "submitted"]);
    expect(messages.map((m) => m.attempts.map((a) => `${a.state}:${a.errorCode ?? ""}`))).toEqual(Array(3).fill(["queued:1709", "submitted:"]));
    expect(bulksms.accepted.slice(acceptedBefore).map((m) => `+${m.destination.replace(/^\+/, "")}`).sort()).toEqual(c.phones);
    await expectCountersMatchRecount(t.db, c.campaignId);
  });

  it("MTTM 403 `User throughput exceeded` is retried after a pause of the whole account", async () => {
    const proxy = await startRecordingProxy(mttm.restUrl);
    try {
      const c = await launched("mttm", 4, proxy.url, { options: { retryAfterMs: 800 } });
      mttm.failNextRequest("rest", MTTM_ERRORS.throughput);
      await c.run();
      expect(await statesOf(t.db, c.campaignId)).toEqual({ submitted: 4 });
      // Each message's retry time has its own jitter, so the retries may leave in one batch or several.
      const sends = proxy.requests.filter((r) => r.path.startsWith("/secure/send"));
      expect(sends[0].status).toBe(403);
      expect(sends.slice(1).map((r) => r.status)).toEqual(Array(sends.length - 1).fill(200));
      // Nothing went to the account until the gateway's wait (less the retry jitter of ±20%) had passed.
      expect(sends[1].at - sends[0].at).toBeGreaterThanOrEqual(0.8 * 800 - 5);
      const attempts = await t.db.sendAttempt.findMany({ where: { message: { campaignId: c.campaignId } } });
      expect(attempts.filter((a) => a.state === "queued" && a.errorCode === "403")).toHaveLength(4);
      await expectCountersMatchRecount(t.db, c.campaignId);
    } finally {
      await proxy.close();
    }
  });

  it("MTTM 412 `No route found` is rejected: in the reply of a single send, and in a batch's errback", async () => {
    const single = await launched("mttm", 1, mttm.restUrl);
    mttm.failNextRequest("rest", MTTM_ERRORS.noRoute);
    await single.run();
    const [refused] = await messagesOf(single.campaignId);
    expect(refused).toMatchObject({ state: "rejected", errorCode: "412" });

    const receiver = await startReportReceiver((kind, raw) => mttmProvider.create({ ...fakeEngineSettings(), baseUrl: mttm.restUrl }).parseReport!(kind, raw));
    try {
      const batch = await launched("mttm", 3, mttm.restUrl, { reportUrls: receiver.urls });
      mttm.failDestination(batch.phones[1], MTTM_ERRORS.noRoute);
      await batch.run();
      expect(await statesOf(t.db, batch.campaignId)).toEqual({ submitted: 3 });
      await mttm.fireBatchCallbacks();
      await ingestReports(sqlFor(t.raw), batch.account.id, receiver.events);
      const messages = await messagesOf(batch.campaignId);
      expect(messages.map((m) => m.state)).toEqual(["submitted", "rejected", "submitted"]);
      expect(messages[1].errorText).toMatch(/No route found/);
      expect(messages.filter((m) => m.state === "submitted").every((m) => m.providerMessageId)).toBe(true);
      await expectCountersMatchRecount(t.db, batch.campaignId);
    } finally {
      await receiver.close();
    }
  });

  it("a worker that stalls past the stale-claim age does not send what recovery re-queued", async () => {
    const c = await launched("didww", 2, didww.url);
    const sql = sqlFor(t.raw);
    const claimed = await claimMessages(sql, { campaignId: c.campaignId, accountId: c.account.id, workerId: "stalled", limit: 10, now: new Date() });
    expect(await recoverStaleClaims(sql, new Date(Date.now() + 1000))).toEqual({ requeued: 2, unknown: 0 });
    const before = didww.server.requests.length;
    const result = await sendClaimed(sql, fakeEngineAccount(c.account), { id: c.campaignId, sender: null, scheduleMode: "now", scheduledAt: null }, claimed);
    expect(result.accepted + result.unknown).toBe(0);
    expect(didww.server.requests.length - before).toBe(0);
    expect(await statesOf(t.db, c.campaignId)).toEqual({ queued: 2 });
    expect(await markRequestStarted(sql, claimed.map((m) => m.attemptId), new Date())).toEqual(new Set());
    await expectCountersMatchRecount(t.db, c.campaignId);
  });
});

/** MTTM settings for parsing callbacks (the parser reads only the time zone). */
function fakeEngineSettings() {
  return { credentials: { username: "mttm-user", password: "mttm-pass" }, options: mttmOptionsSchema.parse({}), timeoutMs: 2000, batchSize: 1000 };
}
