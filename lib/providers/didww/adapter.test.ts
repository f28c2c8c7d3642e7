import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIDWW_CODES } from "./codes";
import { didwwProvider } from "./index";
import { startDidwwFake, type DidwwFake } from "./fake-didww";
import { REPORT_URLS, didwwMessage, didwwSettingsFor } from "./test-support";
import type { SendOutcome } from "../types";

// The document's examples, verbatim.
const DOC_SINGLE_PAYLOAD = {
  data: { type: "outbound_messages", attributes: { destination: "37041654321", source: "37041123456", content: "Hello World!" } },
};
const DOC_BULK_PAYLOAD = {
  data: {
    type: "bulk_outbound_messages",
    attributes: { destination: ["37041654321", "37041654322"], source: "37041123456", content: "Hello World!" },
  },
};
const DOC_SINGLE_REPLY = `{
    "data": {
        "type": "outbound_messages",
        "id": "550e8400-e29b-41d4-a716-446655440000"
    }
}`;
const DOC_BULK_REPLY = `{
   "data":{
      "type":"bulk_outbound_messages",
      "id":"2C4807D1-74E4-4639-BBC4-057402F052FF",
      "relationships":{
         "outbound_messages":{
            "data":[
               { "type":"outbound_messages", "id":"E34C1810-434B-4E64-AFD9-EC0568F324A9" },
               { "type":"outbound_messages", "id":"B6A48E34-3219-407D-99E6-770CF524F611" }
            ]
         }
      }
   }
}`;
const DOC_401 = `{"errors":[{"title":"Unauthorized","detail":"Authorization failed","code":"401","status":"401"}]}`;
const DOC_400 = `{"errors":[{"title":"Bad Request","detail":"Invalid request","code":"400","status":"400"}]}`;

let fake: DidwwFake;
beforeAll(async () => {
  fake = await startDidwwFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.reset();
  fake.accepted.length = 0;
});

const adapterFor = (overrides: Parameters<typeof didwwSettingsFor>[1] = {}) => didwwProvider.create(didwwSettingsFor(fake, overrides));
const send = (messages: ReturnType<typeof didwwMessage>[], sender?: string, overrides: Parameters<typeof didwwSettingsFor>[1] = {}) =>
  adapterFor(overrides).send({ messages, sender, reportUrls: REPORT_URLS });

describe("the document's examples", () => {
  it("sends the single SMS example exactly, with the exact headers", async () => {
    const [outcome] = await send([didwwMessage("a1", "+37041654321", "Hello World!")], "37041123456");
    const request = fake.server.requests[0];
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/outbound_messages");
    expect(request.headers["content-type"]).toBe("application/vnd.api+json");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("user:secret").toString("base64")}`);
    expect(JSON.parse(request.body)).toEqual(DOC_SINGLE_PAYLOAD);
    expect(outcome).toEqual({ kind: "accepted", attemptId: "a1", providerMessageId: fake.accepted[0].id });
  });

  it("reads the single reply example's id", async () => {
    fake.server.inject({ type: "status", status: 201, body: DOC_SINGLE_REPLY, contentType: "application/vnd.api+json" });
    const [outcome] = await send([didwwMessage("a1", "+37041654321", "Hello World!")], "37041123456");
    expect(outcome).toEqual({ kind: "accepted", attemptId: "a1", providerMessageId: "550e8400-e29b-41d4-a716-446655440000" });
  });

  it("sends the bulk SMS example exactly and maps the reply's ids to destinations in order", async () => {
    fake.server.inject({ type: "status", status: 201, body: DOC_BULK_REPLY, contentType: "application/vnd.api+json" });
    const outcomes = await send(
      [didwwMessage("a1", "+37041654321", "Hello World!"), didwwMessage("a2", "+37041654322", "Hello World!")],
      "37041123456",
    );
    expect(fake.server.requests[0].path).toBe("/bulk_outbound_messages");
    expect(JSON.parse(fake.server.requests[0].body)).toEqual(DOC_BULK_PAYLOAD);
    const batchId = "2C4807D1-74E4-4639-BBC4-057402F052FF";
    expect(outcomes).toEqual([
      { kind: "accepted", attemptId: "a1", providerMessageId: "E34C1810-434B-4E64-AFD9-EC0568F324A9", batchId },
      { kind: "accepted", attemptId: "a2", providerMessageId: "B6A48E34-3219-407D-99E6-770CF524F611", batchId },
    ]);
  });

  it("maps the fake's bulk ids to the destinations it recorded them for", async () => {
    const messages = ["+37041654321", "+37041654322", "+37041654323"].map((to, i) => didwwMessage(`a${i}`, to, "Hi"));
    const outcomes = await send(messages);
    for (const [i, outcome] of outcomes.entries()) {
      const recorded = fake.accepted.find((m) => m.id === (outcome as { providerMessageId: string }).providerMessageId);
      expect(recorded?.destination).toBe(messages[i].to.slice(1));
    }
  });

  it("turns the documented 401 and 400 bodies into rejections with their code, title and detail", async () => {
    fake.server.inject({ type: "status", status: 401, body: DOC_401, contentType: "application/vnd.api+json" });
    fake.server.inject({ type: "status", status: 400, body: DOC_400, contentType: "application/vnd.api+json" });
    const [unauthorized] = await send([didwwMessage("a1", "+37041654321", "x")]);
    const [bad] = await send([didwwMessage("a2", "+37041654321", "x")]);
    expect(unauthorized).toEqual({ kind: "rejected", attemptId: "a1", code: "401", reason: "authentication refused: Unauthorized: Authorization failed (code 401)" });
    expect(bad).toEqual({ kind: "rejected", attemptId: "a2", code: "400", reason: "Bad Request: Invalid request (code 400)" });
  });
});

describe("what is sent", () => {
  it("adds campaign_id from the options and leaves source out without a sender", async () => {
    await send([didwwMessage("a1", "+37041654321", "Hi")], undefined, { options: { campaignId: "CMP-42" } });
    expect(JSON.parse(fake.server.requests[0].body)).toEqual({
      data: { type: "outbound_messages", attributes: { destination: "37041654321", content: "Hi", campaign_id: "CMP-42" } },
    });
  });

  it("falls back to the account's default sender", async () => {
    await send([didwwMessage("a1", "+37041654321", "Hi")], undefined, { defaultSender: "37041123456" });
    await send([didwwMessage("a2", "+37041654321", "Hi")], "37041999999");
    expect(fake.accepted.map((m) => m.source)).toEqual(["37041123456", "37041999999"]);
  });

  it("sends Unicode and emoji unchanged as UTF-8", async () => {
    const text = "Привет, 世界! 🎉👨‍👩‍👧 café €";
    const [outcome] = await send([didwwMessage("a1", "+37041654321", text)]);
    expect(outcome.kind).toBe("accepted");
    expect(fake.accepted[0].content).toBe(text);
  });

  it("sends a 5-segment message whole in one request", async () => {
    const text = "A".repeat(153 * 4 + 100);
    const [outcome] = await send([didwwMessage("a1", "+37041654321", text)]);
    expect(outcome.kind).toBe("accepted");
    expect(fake.server.requests).toHaveLength(1);
    expect(fake.accepted[0].content).toBe(text);
  });

  it("groups by text, cuts bulk requests at the batch size and answers in input order", async () => {
    const messages = Array.from({ length: 7 }, (_, i) => didwwMessage(`a${i}`, `+3704165432${i}`, i % 2 ? "odd" : "even"));
    const outcomes = await send(messages, undefined, { batchSize: 3 });
    expect(outcomes.map((o) => o.attemptId)).toEqual(messages.map((m) => m.attemptId));
    expect(outcomes.every((o) => o.kind === "accepted")).toBe(true);
    const sizes = fake.server.requests.map((r) => [].concat(JSON.parse(r.body).data.attributes.destination).length).sort();
    expect(sizes).toEqual([1, 3, 3]); // even: 4 → 3 + 1 (single), odd: 3
    for (const [i, o] of outcomes.entries()) {
      const m = fake.accepted.find((a) => a.id === (o as { providerMessageId: string }).providerMessageId)!;
      expect([m.destination, m.content]).toEqual([messages[i].to.slice(1), messages[i].text]);
    }
  });

  it("never puts one number twice in a bulk request", async () => {
    const messages = [1, 2, 3].map((i) => didwwMessage(`a${i}`, "+37041654321", "same"));
    messages.push(didwwMessage("a4", "+37041654322", "same"));
    const outcomes = await send(messages);
    expect(outcomes.every((o) => o.kind === "accepted")).toBe(true);
    for (const r of fake.server.requests) {
      const destinations = [].concat(JSON.parse(r.body).data.attributes.destination);
      expect(new Set(destinations).size).toBe(destinations.length);
    }
  });

  it("sends one request per message when bulk is off", async () => {
    const messages = [1, 2, 3].map((i) => didwwMessage(`a${i}`, `+3704165432${i}`, "same"));
    await send(messages, undefined, { options: { bulk: false } });
    expect(fake.server.requests.map((r) => r.path)).toEqual(Array(3).fill("/outbound_messages"));
  });

  it("refuses what DIDWW cannot take before any request: bad numbers, bad senders, a schedule", async () => {
    const [badNumber, good] = await send([didwwMessage("a1", "+0123456789", "x"), didwwMessage("a2", "+37041654321", "x")]);
    expect(badNumber).toMatchObject({ kind: "rejected", code: "invalid-destination" });
    expect(good.kind).toBe("accepted");
    for (const sender of ["+37041123456", "ACME", " 37041123456"]) {
      const [badSender] = await send([didwwMessage("a3", "+37041654321", "x")], sender);
      expect(badSender).toMatchObject({ kind: "rejected", code: "invalid-sender" });
    }
    const [scheduled] = await adapterFor().send({
      messages: [didwwMessage("a4", "+37041654321", "x")],
      scheduleAt: new Date(Date.now() + 3_600_000),
      reportUrls: REPORT_URLS,
    });
    expect(scheduled).toMatchObject({ kind: "rejected", code: "schedule-unsupported" });
    expect(fake.server.requests).toHaveLength(1);
  });
});

describe("error replies", () => {
  const statuses: [number, SendOutcome["kind"]][] = [
    ...Object.entries(DIDWW_CODES.submission)
      .filter(([status]) => status !== "201")
      .map(([status, meaning]): [number, SendOutcome["kind"]] => [Number(status), meaning.outcome]),
    [418, "rejected"],
    [500, "unknown"],
    [502, "unknown"],
    [503, "unknown"],
    [504, "unknown"],
  ];

  it.each(statuses)("HTTP %i → %s, for every message of a bulk request", async (status, kind) => {
    fake.failNext(status, { title: "Some Title", detail: "some detail", code: `E${status}` });
    const outcomes = await send([didwwMessage("a1", "+37041654321", "x"), didwwMessage("a2", "+37041654322", "x")]);
    for (const outcome of outcomes) {
      expect(outcome.kind).toBe(kind);
      if (outcome.kind === "rejected") expect(outcome).toMatchObject({ code: `E${status}`, reason: expect.stringContaining("Some Title: some detail") });
      if (outcome.kind === "unknown" || outcome.kind === "retryable") expect(outcome.reason).toContain("some detail");
    }
  });

  it("retries a 429 with no Retry-After after the table's wait, quoting a non-JSON body", async () => {
    fake.server.inject({ type: "status", status: 429, body: "slow down" });
    const [outcome] = await send([didwwMessage("a1", "+37041654321", "x")]);
    expect(outcome).toMatchObject({ kind: "retryable", code: "429", retryAfterMs: 1_000, reason: expect.stringContaining("slow down") });
  });

  it("rejects wrong credentials (the fake's own 401) and a 403", async () => {
    const [wrong] = await send([didwwMessage("a1", "+37041654321", "x")], undefined, { credentials: { username: "user", password: "nope" } });
    expect(wrong).toMatchObject({ kind: "rejected", code: "401", reason: expect.stringContaining("Authorization failed") });
    fake.failNext(403, { title: "Forbidden", detail: "IP not whitelisted" });
    const [forbidden] = await send([didwwMessage("a2", "+37041654321", "x")]);
    expect(forbidden).toMatchObject({ kind: "rejected", code: "403", reason: expect.stringMatching(/^authentication refused: Forbidden: IP not whitelisted/) });
  });

  it("rejects only the destination a refused bulk request blames, and lets the others be retried", async () => {
    fake.refuseDestination("37041654322", { title: "Bad Request", detail: "destination not allowed", code: "9" });
    const outcomes = await send(["+37041654321", "+37041654322", "+37041654323"].map((to, i) => didwwMessage(`a${i}`, to, "x")));
    expect(outcomes.map((o) => o.kind)).toEqual(["retryable", "rejected", "retryable"]);
    expect(outcomes[1]).toMatchObject({ code: "9", reason: "Bad Request: destination not allowed (code 9)" });
  });

  it("makes a hang unknown within the account's timeout", async () => {
    fake.server.inject({ type: "hang" });
    const started = Date.now();
    const outcomes = await send([didwwMessage("a1", "+37041654321", "x"), didwwMessage("a2", "+37041654322", "x")], undefined, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(outcomes.map((o) => o.kind)).toEqual(["unknown", "unknown"]);
    expect((outcomes[0] as { reason: string }).reason).toContain("300 ms");
  });

  it("makes a dropped connection unknown and a refused connection retryable", async () => {
    fake.server.inject({ type: "drop" });
    const [dropped] = await send([didwwMessage("a1", "+37041654321", "x")]);
    expect(dropped.kind).toBe("unknown");
    const closed = await startDidwwFake();
    await closed.close();
    const [refused] = await didwwProvider
      .create(didwwSettingsFor(closed))
      .send({ messages: [didwwMessage("a2", "+37041654321", "x")], reportUrls: REPORT_URLS });
    expect(refused).toMatchObject({ kind: "retryable", code: "not-sent" });
  });

  it("makes an aborted request unknown", async () => {
    fake.server.inject({ type: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const [outcome] = await adapterFor().send({ messages: [didwwMessage("a1", "+37041654321", "x")], reportUrls: REPORT_URLS, signal: controller.signal });
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("aborted") });
  });
});

describe("hostile or malformed replies never become a false accepted", () => {
  const bulkIds = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "outbound_messages", id: `id-${i}` }));
  const cases: [string, number, string][] = [
    ["HTML with 200", 200, "<html><body>Welcome to nginx</body></html>"],
    ["truncated JSON with 201", 201, '{"data":{"type":"bulk_outbound_messages","id":"X","relat'],
    ["empty 201", 201, ""],
    ["a number id", 201, JSON.stringify({ data: { type: "bulk_outbound_messages", id: 7, relationships: { outbound_messages: { data: bulkIds(2) } } } })],
    ["the single type for a bulk", 201, DOC_SINGLE_REPLY],
    ["ids as strings", 201, JSON.stringify({ data: { type: "bulk_outbound_messages", id: "B", relationships: { outbound_messages: { data: ["a", "b"] } } } })],
    ["an errors document with 201", 201, DOC_400],
    ["JSON null", 201, "null"],
  ];

  it.each(cases)("%s → unknown", async (_name, status, body) => {
    fake.server.inject({ type: "status", status, body, contentType: "application/vnd.api+json" });
    const outcomes = await send([didwwMessage("a1", "+37041654321", "x"), didwwMessage("a2", "+37041654322", "x")]);
    expect(outcomes.map((o) => o.kind)).toEqual(["unknown", "unknown"]);
    expect((outcomes[0] as { reason: string }).reason).toMatch(/^DIDWW answered HTTP 20[01], but the reply is (unreadable|not JSON)/);
  });

  it("a reply larger than 4 MB → unknown", async () => {
    fake.server.inject({ type: "status", status: 201, body: `{"data":"${"x".repeat(5 * 1024 * 1024)}"}` });
    const [outcome] = await send([didwwMessage("a1", "+37041654321", "x")]);
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("larger than") });
  });

  it("an HTML 502 from a proxy → unknown, quoting the body", async () => {
    fake.server.inject({ type: "status", status: 502, body: "<html><h1>502 Bad Gateway</h1></html>", contentType: "text/html" });
    const [outcome] = await send([didwwMessage("a1", "+37041654321", "x")]);
    expect(outcome).toMatchObject({ kind: "unknown", reason: expect.stringContaining("502 Bad Gateway") });
  });

  it("a bulk reply listing fewer ids than destinations → accepted with the bulk id only, and says why", async () => {
    const body = JSON.stringify({ data: { type: "bulk_outbound_messages", id: "BULK", relationships: { outbound_messages: { data: bulkIds(1) } } } });
    fake.server.inject({ type: "status", status: 201, body, contentType: "application/vnd.api+json" });
    const outcomes = await send([didwwMessage("a1", "+37041654321", "x"), didwwMessage("a2", "+37041654322", "x")]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ kind: "accepted", batchId: "BULK", raw: expect.stringContaining("1 message ids for 2 destinations") });
      expect(outcome).not.toHaveProperty("providerMessageId");
    }
  });
});

describe("testConnection", () => {
  it("proves the URL answers and says the credentials stay unproven", async () => {
    const check = await adapterFor().testConnection();
    expect(check.ok).toBe(true);
    expect(check.message).toContain("only proven by the first message");
    expect(fake.server.requests[0].method).toBe("GET");
    expect(fake.accepted).toHaveLength(0);
  });

  it("fails on refused credentials and on an unreachable gateway", async () => {
    const refused = await adapterFor({ credentials: { username: "user", password: "nope" } }).testConnection();
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("refused the trunk credentials") });
    const closed = await startDidwwFake();
    await closed.close();
    const unreachable = await didwwProvider.create(didwwSettingsFor(closed)).testConnection();
    expect(unreachable).toMatchObject({ ok: false, message: expect.stringContaining("could not be reached") });
  });
});

describe("definition", () => {
  it("offers every region of the document and parses options with defaults", () => {
    expect(didwwProvider.baseUrls.map((b) => b.url)).toEqual([
      "https://sms-out.didww.com",
      "https://us.sms-out.didww.com",
      "https://nyc.us.sms-out.didww.com",
      "https://mia.us.sms-out.didww.com",
      "https://lac.us.sms-out.didww.com",
      "https://eu.sms-out.didww.com",
      "https://sg.sms-out.didww.com",
    ]);
    expect(didwwProvider.optionsSchema.parse({})).toEqual({
      bulk: true,
      parallelRequests: 4,
      inboundFields: {
        uuid: "SMS_UUID",
        from: "SMS_SRC_ADDR",
        to: "SMS_DST_ADDR",
        text: "SMS_TEXT",
        textBase64: "SMS_TEXT_BASE64_ENCODED",
        time: "SMS_TIME",
      },
      inboundBody: "auto",
    });
    expect(didwwProvider.credentialsSchema.safeParse({ username: "", password: "x" }).success).toBe(false);
    expect(didwwProvider.capabilities.maxBatchSize).toBe(1000);
  });
});
