/**
 * The MTTM adapter over real HTTP against the fake gateway: what goes on the wire, what comes back, and the
 * whole round trip of a batch (reply → callbacks → delivery reports) through the report parser.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMttmFake, type MttmFake } from "./fake-mttm";
import { startReportReceiver, type ReportReceiver } from "./report-receiver";
import { parseMttmReport } from "./reports";
import { fakeAdapter, outgoing, UNUSED_REPORT_URLS } from "./test-support";

let fake: MttmFake;
let receiver: ReportReceiver;

beforeAll(async () => {
  fake = await startMttmFake();
  receiver = await startReportReceiver((_kind, raw) => parseMttmReport(raw, "UTC"));
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
afterEach(() => {
  fake.rest.reset();
  fake.http.reset();
  fake.accepted.length = 0;
  receiver.events.length = 0;
  receiver.requests.length = 0;
});

const lastBody = (server = fake.rest) => JSON.parse(server.requests.at(-1)!.body);

describe("REST /secure/send (one message)", () => {
  it("sends one message with level-3 reports and returns the gateway's id", async () => {
    const outcomes = await fakeAdapter(fake).send({ messages: [outgoing("a1", "+31612345678", "Hello")], reportUrls: receiver.urls });
    expect(outcomes).toEqual([{ kind: "accepted", attemptId: "a1", providerMessageId: fake.accepted[0].id }]);
    const request = fake.rest.requests[0];
    expect([request.method, request.path, request.headers.authorization]).toEqual(["POST", "/secure/send", `Basic ${Buffer.from("mttm-user:mttm-pass").toString("base64")}`]);
    expect(lastBody()).toEqual({ to: "31612345678", from: "MTTM", content: "Hello", "dlr-level": 3, dlr: "yes", "dlr-url": receiver.urls.deliveryReport });
  });

  it("reproduces the document's coding=8 example exactly", async () => {
    const adapter = fakeAdapter(fake, { deliveryReports: false });
    await adapter.send({ messages: [outgoing("a1", "+31612345677", "🤣", "UCS2")], sender: "A Friend", reportUrls: UNUSED_REPORT_URLS });
    expect(fake.rest.requests[0].body).toBe(JSON.stringify({ to: "31612345677", from: "A Friend", coding: 8, hex_content: "d83edd23" }));
    expect(fake.accepted[0]).toMatchObject({ text: "🤣", coding: 8 });
  });

  it("sends Unicode and emoji as UTF-16BE hex, a 5-part message whole, and refuses a 6-part one", async () => {
    const adapter = fakeAdapter(fake);
    const unicode = "Привет, мир 👋🏽 ありがとう";
    await adapter.send({ messages: [outgoing("u", "+79161234567", unicode, "UCS2")], reportUrls: UNUSED_REPORT_URLS });
    expect(fake.accepted[0]).toMatchObject({ text: unicode, coding: 8 });
    const five = outgoing("five", "+31612345678", "x".repeat(153 * 5));
    expect(five.segments).toBe(5);
    const [accepted] = await adapter.send({ messages: [five], reportUrls: UNUSED_REPORT_URLS });
    expect(accepted.kind).toBe("accepted");
    expect(fake.accepted[1]).toMatchObject({ parts: 5, truncated: false });
    const six = outgoing("six", "+31612345678", "x".repeat(153 * 5 + 1));
    const [refused] = await adapter.send({ messages: [six], reportUrls: UNUSED_REPORT_URLS });
    expect(refused).toMatchObject({ kind: "rejected", code: "too-many-segments", reason: expect.stringContaining("6 parts") });
    expect(fake.accepted).toHaveLength(2);
  });

  it("lets an account whose gateway allows more parts raise maxSegments", async () => {
    const roomy = await startMttmFake({ maxParts: 8 });
    try {
      const seven = outgoing("seven", "+31612345678", "y".repeat(153 * 7));
      const [outcome] = await fakeAdapter(roomy, { maxSegments: 8 }).send({ messages: [seven], reportUrls: UNUSED_REPORT_URLS });
      expect(outcome.kind).toBe("accepted");
      expect(roomy.accepted[0]).toMatchObject({ parts: 7, truncated: false });
    } finally {
      await roomy.close();
    }
  });
});

describe("REST /secure/sendbatch", () => {
  it("groups identical texts, sets globals and both callbacks, and learns ids from the callbacks", async () => {
    const messages = [
      outgoing("a1", "+31600000001", "Sale today"),
      outgoing("a2", "+31600000002", "Hoi 👋", "UCS2"),
      outgoing("a3", "+31600000003", "Sale today"),
    ];
    const outcomes = await fakeAdapter(fake).send({ messages, sender: "Shop", reportUrls: receiver.urls });
    const batchId = (outcomes[0] as { batchId: string }).batchId;
    expect(outcomes).toEqual(messages.map((m) => ({ kind: "accepted", attemptId: m.attemptId, batchId })));
    expect(lastBody()).toEqual({
      globals: { from: "Shop", "dlr-level": 3, dlr: "yes", "dlr-url": receiver.urls.deliveryReport },
      batch_config: { callback_url: receiver.urls.batchCallback, errback_url: receiver.urls.batchErrback },
      messages: [
        { to: ["31600000001", "31600000003"], content: "Sale today" },
        { to: ["31600000002"], coding: 8, hex_content: "0048006f00690020d83ddc4b" },
      ],
    });
    await fake.fireBatchCallbacks(batchId);
    const idOf = (to: string) => fake.accepted.find((m) => m.to === to)!.id;
    expect(receiver.events).toEqual(
      ["31600000001", "31600000003", "31600000002"].map((to) => ({ kind: "batch-result", batchId, to: `+${to}`, accepted: true, providerMessageId: idOf(to) })),
    );
    for (const m of fake.accepted) await fake.sendReport(m.id, { level: 2, status: "DELIVRD" });
    expect(receiver.events.slice(3).map((e) => e.kind === "status" && e.state)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("learns of a recipient refused inside an accepted batch only through its errback", async () => {
    fake.failDestination("31600000002", { status: 412, text: "No route found" });
    const messages = [outgoing("a1", "+31600000001", "Hi"), outgoing("a2", "+31600000002", "Hi")];
    const outcomes = await fakeAdapter(fake).send({ messages, reportUrls: receiver.urls });
    expect(outcomes.map((o) => o.kind)).toEqual(["accepted", "accepted"]);
    const { batchId } = outcomes[1] as { batchId: string };
    await fake.fireBatchCallbacks(batchId);
    expect(receiver.events).toContainEqual({ kind: "batch-result", batchId, to: "+31600000002", accepted: false, errorText: 'HTTPAPI error: Error "No route found"' });
    expect(receiver.requests.map((r) => r.query.status)).toEqual(["1", "0"]);
  });

  it("reproduces the values of the document's example 2 (globals with level-3 reports)", async () => {
    const messages = [
      outgoing("a1", "+31612345677", "Message 2 goes to 3 numbers"),
      outgoing("a2", "+31612345678", "Message 2 goes to 3 numbers"),
      outgoing("a3", "+3163333333", "Message 3 goes to 1 number"),
    ];
    const urls = { ...UNUSED_REPORT_URLS, deliveryReport: "http://DLR.server/url" };
    await fakeAdapter(fake).send({ messages, sender: "Sender2", reportUrls: urls });
    const body = lastBody();
    expect(body.globals).toEqual({ from: "Sender2", "dlr-level": 3, dlr: "yes", "dlr-url": "http://DLR.server/url" });
    expect(body.messages).toEqual([
      { to: ["31612345677", "31612345678"], content: "Message 2 goes to 3 numbers" },
      { to: ["3163333333"], content: "Message 3 goes to 1 number" },
    ]);
  });

  it("reproduces the values of the document's example 3 (callbacks, coding 8)", async () => {
    const urls = { ...UNUSED_REPORT_URLS, batchCallback: "http://callback.url:80/successful_batch", batchErrback: "http://callback.url:80/errored_batch" };
    const messages = [outgoing("a1", "+3162222222", "🤣", "UCS2"), outgoing("a2", "+3162222223", "🤣", "UCS2")];
    await fakeAdapter(fake, { deliveryReports: false }).send({ messages, sender: "sender", reportUrls: urls });
    expect(lastBody()).toEqual({
      globals: { from: "sender" },
      batch_config: { callback_url: "http://callback.url:80/successful_batch", errback_url: "http://callback.url:80/errored_batch" },
      messages: [{ to: ["3162222222", "3162222223"], coding: 8, hex_content: "d83edd23" }],
    });
  });

  it("puts a repeated destination in its own batch, and splits by the account's batch size", async () => {
    const messages = [outgoing("a1", "+31600000001", "one"), outgoing("a2", "+31600000001", "two"), ...Array.from({ length: 23 }, (_, i) => outgoing(`b${i}`, `+3161000${String(i).padStart(4, "0")}`, "bulk"))];
    const outcomes = await fakeAdapter(fake, {}, { batchSize: 10 }).send({ messages, reportUrls: UNUSED_REPORT_URLS });
    expect(outcomes.every((o) => o.kind === "accepted")).toBe(true);
    expect(fake.rest.requests.map((r) => JSON.parse(r.body).messages.flatMap((m: { to: string[] }) => m.to).length)).toEqual([10, 10, 4, 1]);
    const batchOf = (id: string) => (outcomes.find((o) => o.attemptId === id) as { batchId: string }).batchId;
    expect(batchOf("a1")).not.toBe(batchOf("a2"));
  });

  it("schedules in seconds by default, or as a datetime in the gateway's zone; a past time sends now", async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    await fakeAdapter(fake).send({ messages: [outgoing("a1", "+31600000001", "later")], scheduleAt: inAnHour, reportUrls: UNUSED_REPORT_URLS });
    expect(fake.rest.requests[0].path).toBe("/secure/sendbatch");
    expect(lastBody().batch_config.schedule_at).toMatch(/^(3599|3600)s$/);
    expect(fake.accepted[0].scheduleSeconds).toBeGreaterThan(3590);

    await fakeAdapter(fake, { scheduleFormat: "datetime", timeZone: "Europe/Amsterdam" }).send({
      messages: [outgoing("a2", "+31600000002", "later")],
      scheduleAt: new Date("2099-07-01T10:00:00Z"),
      reportUrls: UNUSED_REPORT_URLS,
    });
    expect(lastBody().batch_config.schedule_at).toBe("2099-07-01 12:00:00");

    await fakeAdapter(fake).send({ messages: [outgoing("a3", "+31600000003", "now")], scheduleAt: new Date(Date.now() - 1000), reportUrls: UNUSED_REPORT_URLS });
    expect(fake.rest.requests.at(-1)!.path).toBe("/secure/send");
  });
});

describe("HTTP API transport", () => {
  it("sends GET /send with the credentials in the query, Unicode as hex-content", async () => {
    const adapter = fakeAdapter(fake, { transport: "http" });
    expect(adapter.capabilities).toMatchObject({ maxBatchSize: 1, nativeSchedule: false });
    const outcomes = await adapter.send({
      messages: [outgoing("a1", "+31612345678", "Hello world !"), outgoing("a2", "+31612345679", "Ελληνικά", "UCS2")],
      reportUrls: receiver.urls,
    });
    expect(outcomes).toEqual([
      { kind: "accepted", attemptId: "a1", providerMessageId: fake.accepted[0].id },
      { kind: "accepted", attemptId: "a2", providerMessageId: fake.accepted[1].id },
    ]);
    const first = fake.http.requests[0];
    expect([first.method, first.path]).toEqual(["GET", "/send"]);
    expect(Object.fromEntries(first.query)).toEqual({
      username: "mttm-user",
      password: "mttm-pass",
      to: "31612345678",
      from: "MTTM",
      content: "Hello world !",
      "dlr-level": "3",
      dlr: "yes",
      "dlr-url": receiver.urls.deliveryReport,
    });
    expect(fake.http.requests[1].query.get("hex-content")).toBe("039503bb03bb03b703bd03b903ba03ac");
    expect(fake.accepted[1].text).toBe("Ελληνικά");
  });

  it("refuses to schedule, since the HTTP API cannot", async () => {
    const [outcome] = await fakeAdapter(fake, { transport: "http" }).send({
      messages: [outgoing("a1", "+31612345678", "later")],
      scheduleAt: new Date(Date.now() + 60_000),
      reportUrls: UNUSED_REPORT_URLS,
    });
    expect(outcome).toMatchObject({ kind: "rejected", code: "schedule-unsupported" });
    expect(fake.http.requests).toHaveLength(0);
  });
});

describe("checks before sending", () => {
  it("refuses a sender ID networks would drop, and numbers that are not E.164, without a request", async () => {
    const adapter = fakeAdapter(fake);
    const long = await adapter.send({ messages: [outgoing("a1", "+31612345678", "x")], sender: "MuchTooLongSender", reportUrls: UNUSED_REPORT_URLS });
    expect(long).toEqual([{ kind: "rejected", attemptId: "a1", code: "invalid-sender", reason: expect.stringContaining("11 characters") }]);
    const mixed = await adapter.send({ messages: [outgoing("a2", "0612345678", "x"), outgoing("a3", "+31612345678", "x")], reportUrls: UNUSED_REPORT_URLS });
    expect(mixed.map((o) => o.kind)).toEqual(["rejected", "accepted"]);
    expect(fake.rest.requests).toHaveLength(1);
  });
});

describe("testConnection", () => {
  it("pings the API the transport speaks and says that credentials are not checked", async () => {
    expect(await fakeAdapter(fake).testConnection()).toEqual({ ok: true, message: expect.stringContaining("does not check the username") });
    expect((await fakeAdapter(fake, { transport: "http" }).testConnection()).ok).toBe(true);
    expect(fake.rest.requests.at(-1)).toMatchObject({ method: "GET", path: "/ping" });
  });

  it("names a base URL that points at the other API, a 401 and an unreachable gateway", async () => {
    const crossed = await fakeAdapter(fake, {}, { baseUrl: fake.httpUrl }).testConnection();
    expect(crossed).toEqual({ ok: false, message: expect.stringContaining("HTTP API (port 1402) instead") });
    fake.rest.inject({ type: "status", status: 401, body: '{"title": "Authentication required"}' });
    expect(await fakeAdapter(fake).testConnection()).toEqual({ ok: false, message: expect.stringContaining("401") });
    const closed = await fakeAdapter(fake, {}, { baseUrl: "http://127.0.0.1:9" }).testConnection();
    expect(closed).toEqual({ ok: false, message: expect.stringContaining("Could not reach") });
  });
});
