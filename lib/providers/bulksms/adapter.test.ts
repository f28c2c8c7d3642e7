import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startBulksmsFake, type BulksmsFake } from "./fake-bulksms";
import { bulksmsProvider } from "./index";
import { gsmMessage, REPORT_URLS, settingsFor } from "./test-support";
import type { OutgoingMessage, SendOutcome } from "../types";

const fake = await startBulksmsFake();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function send(messages: OutgoingMessage[], extra: { sender?: string; scheduleAt?: Date; signal?: AbortSignal } = {}, settings = settingsFor(fake)) {
  return bulksmsProvider.create(settings).send({ messages, reportUrls: REPORT_URLS, ...extra });
}

function acceptedIdOf(destination: string): string | undefined {
  return fake.accepted.find((m) => m.destination === destination)?.messageId;
}

describe("sending", () => {
  it("sends the document's request: GET /bulksms/bulksms with username, password, type, dlr, destination, source, message", async () => {
    const [outcome] = await send([gsmMessage(143)]);
    const [request] = fake.server.requests;
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/bulksms/bulksms");
    expect([...request.query.entries()]).toEqual([
      ["username", "user"],
      ["password", "secret"],
      ["type", "0"],
      ["dlr", "1"],
      ["destination", "2348055494143"],
      ["source", "ACME"],
      ["message", "Hello from ACME"],
    ]);
    const id = acceptedIdOf("2348055494143");
    expect(outcome).toEqual({ kind: "accepted", attemptId: "attempt-143", providerMessageId: id, raw: `1701|2348055494143|${id}` });
  });

  it("sends one text to several destinations in one request and matches each tuple to its message", async () => {
    const messages = [gsmMessage(1), gsmMessage(2), gsmMessage(3)];
    const outcomes = await send(messages);
    expect(fake.server.requests).toHaveLength(1);
    expect(fake.server.requests[0].query.get("destination")).toBe("2348055494001,2348055494002,2348055494003");
    expect(outcomes.map((o) => o.kind === "accepted" && o.providerMessageId)).toEqual(messages.map((m) => acceptedIdOf(m.to.slice(1))));
    expect(new Set(outcomes.map((o) => o.attemptId))).toEqual(new Set(["attempt-1", "attempt-2", "attempt-3"]));
  });

  it("sends different texts in separate requests and keeps outcomes in input order", async () => {
    const messages = [gsmMessage(1, { text: "Hi Ana" }), gsmMessage(2, { text: "Hi Luis" }), gsmMessage(3, { text: "Hi Ana" })];
    const outcomes = await send(messages);
    expect(fake.server.requests).toHaveLength(2);
    expect(outcomes.map((o) => o.attemptId)).toEqual(["attempt-1", "attempt-2", "attempt-3"]);
    expect(outcomes.every((o) => o.kind === "accepted")).toBe(true);
    expect(fake.accepted.map((m) => [m.destination, m.text]).sort()).toEqual([
      ["2348055494001", "Hi Ana"],
      ["2348055494002", "Hi Luis"],
      ["2348055494003", "Hi Ana"],
    ]);
  });

  it("never puts one destination twice in a request, so each reply tuple has one owner", async () => {
    const outcomes = await send([gsmMessage(1, { attemptId: "a" }), gsmMessage(1, { attemptId: "b" })]);
    expect(fake.server.requests).toHaveLength(2);
    const ids = outcomes.map((o) => o.kind === "accepted" && o.providerMessageId);
    expect(new Set(ids).size).toBe(2);
  });

  it("splits a send larger than the account's batch size", async () => {
    const messages = Array.from({ length: 250 }, (_, i) => gsmMessage(i));
    const outcomes = await send(messages, {}, settingsFor(fake, { batchSize: 100 }));
    expect(fake.server.requests.map((r) => r.query.get("destination")!.split(",").length)).toEqual([100, 100, 50]);
    expect(outcomes.filter((o) => o.kind === "accepted")).toHaveLength(250);
  });

  it("sends Unicode and emoji as type=2 with uppercase UTF-16BE hex, surrogate pairs kept", async () => {
    const text = "¿Qué tal? Привет 👋🏽 你好";
    const [outcome] = await send([gsmMessage(7, { text, encoding: "UCS2" })]);
    const query = fake.server.requests[0].query;
    expect(query.get("type")).toBe("2");
    expect(query.get("message")).toMatch(/^(?:[0-9A-F]{4})+$/);
    expect(query.get("message")).toContain("D83DDC4BD83CDFFD"); // 👋🏽
    expect(fake.accepted[0].text).toBe(text);
    expect(outcome.kind).toBe("accepted");
  });

  it("sends a 5-segment GSM message and a 5-segment Unicode message whole", async () => {
    const gsmText = "Long offer text. ".repeat(44).slice(0, 700); // 5 × 153 ≥ 700 > 4 × 153
    const ucsText = "Оферта 🎉 ".repeat(34).slice(0, 300); // 5 × 67 ≥ 300 > 4 × 67
    const outcomes = await send([
      gsmMessage(1, { text: gsmText, segments: 5 }),
      gsmMessage(2, { text: ucsText, encoding: "UCS2", segments: 5 }),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(["accepted", "accepted"]);
    expect(fake.accepted.map((m) => m.text).sort()).toEqual([gsmText, ucsText].sort());
  });

  it("URL-encodes GSM text with extension characters, commas and plus signs", async () => {
    const text = "Price: 10€ [50% off] {today} a+b, c&d=e ~ | ^ \\";
    await send([gsmMessage(1, { text })]);
    expect(fake.accepted[0].text).toBe(text);
  });

  it("uses the campaign's sender over the account's, with a numeric sender's + encoded", async () => {
    await send([gsmMessage(1)], { sender: "+584121234567" });
    expect(fake.accepted[0].source).toBe("+584121234567");
  });

  it("asks for no delivery report when the account turns them off", async () => {
    await send([gsmMessage(1)], {}, settingsFor(fake, { options: { deliveryReports: false } }));
    expect(fake.accepted[0].dlr).toBe("0");
  });

  it("refuses every message without a request when the sender breaks the document's rule", async () => {
    for (const sender of ["TWELVECHARSX", "+1234567890123456789", "ACME!", ""]) {
      const outcomes = await send([gsmMessage(1), gsmMessage(2)], { sender });
      expect(outcomes.map((o) => o.kind === "rejected" && o.code)).toEqual(["invalid-sender", "invalid-sender"]);
    }
    const noSender = await send([gsmMessage(1)], {}, settingsFor(fake, { defaultSender: undefined }));
    expect(noSender[0]).toMatchObject({ kind: "rejected", code: "invalid-sender" });
    expect(fake.server.requests).toHaveLength(0);
  });

  it("refuses a message whose number is not E.164 and sends the rest", async () => {
    const outcomes = await send([gsmMessage(1), gsmMessage(2, { to: "+234,805" })]);
    expect(outcomes[0].kind).toBe("accepted");
    expect(outcomes[1]).toMatchObject({ kind: "rejected", code: "invalid-destination" });
  });

  it("refuses every message when the account's settings are invalid, naming the problem but never the password", async () => {
    const settings = settingsFor(fake, { baseUrl: "not a url", credentials: { username: "user", password: "" } });
    const outcomes = await send([gsmMessage(1)], {}, settings);
    expect(outcomes[0]).toMatchObject({ kind: "rejected", code: "settings" });
    expect(outcomes[0].kind === "rejected" && outcomes[0].reason).toMatch(/base URL.*password/);
  });
});

describe("scheduling at the gateway", () => {
  it("calls /bulksms/schedulemsg with date, time and gmt after the document's parameters", async () => {
    const at = new Date("2031-03-03T03:45:00Z");
    await send([gsmMessage(1)], { scheduleAt: at });
    const [request] = fake.server.requests;
    expect(request.path).toBe("/bulksms/schedulemsg");
    expect([...request.query.keys()]).toEqual(["username", "password", "type", "dlr", "destination", "source", "message", "date", "time", "gmt"]);
    expect(Object.fromEntries([...request.query].slice(7))).toEqual({ date: "03/03/2031", time: "03:45 am", gmt: "+00:00" });
    expect(fake.accepted[0].scheduledFor).toEqual(at);
  });

  it("follows the account's endpoint, parameter names, gmt format and zone", async () => {
    const custom = await startBulksmsFake({ scheduleParams: { date: "scheduledate", time: "scheduletime", gmt: "gmt" } });
    try {
      const settings = settingsFor(custom, {
        options: {
          schedulePath: "/bulksms/bulksms",
          scheduleParams: { date: "scheduledate", time: "scheduletime", gmt: "gmt" },
          gmtFormat: "GMT +h:mm",
          gatewayTimeZone: "Africa/Algiers",
        },
      });
      const at = new Date("2031-03-03T22:51:00Z");
      const [outcome] = await bulksmsProvider.create(settings).send({ messages: [gsmMessage(1)], scheduleAt: at, reportUrls: REPORT_URLS });
      expect(outcome.kind).toBe("accepted");
      const query = custom.server.requests[0].query;
      expect(custom.server.requests[0].path).toBe("/bulksms/bulksms");
      expect([query.get("scheduledate"), query.get("scheduletime"), query.get("gmt")]).toEqual(["03/03/2031", "11:51 pm", "GMT +1:00"]);
      expect(custom.accepted[0].scheduledFor).toEqual(at);
    } finally {
      await custom.close();
    }
  });

  it("refuses an invalid schedule date without a request", async () => {
    const [outcome] = await send([gsmMessage(1)], { scheduleAt: new Date("nope") });
    expect(outcome).toMatchObject({ kind: "rejected", code: "invalid-schedule" });
    expect(fake.server.requests).toHaveLength(0);
  });
});

describe("transport failures and hostile replies", () => {
  const two = () => [gsmMessage(1), gsmMessage(2)];
  const kinds = (outcomes: SendOutcome[]) => outcomes.map((o) => o.kind);

  it("turns a hang into unknown within the account's timeout", async () => {
    fake.server.inject({ type: "hang" });
    const started = Date.now();
    const outcomes = await send(two(), {}, settingsFor(fake, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(kinds(outcomes)).toEqual(["unknown", "unknown"]);
    expect(outcomes[0].kind === "unknown" && outcomes[0].reason).toMatch(/300 ms/);
  });

  it("turns a dropped connection into unknown", async () => {
    fake.server.inject({ type: "drop" });
    expect(kinds(await send(two()))).toEqual(["unknown", "unknown"]);
  });

  it("retries later when the gateway cannot be reached at all", async () => {
    const closed = await startBulksmsFake();
    await closed.close();
    const outcomes = await send(two(), {}, settingsFor(closed));
    expect(outcomes[0]).toMatchObject({ kind: "retryable", code: "not-sent" });
  });

  it("retries later when the worker aborted before the request left", async () => {
    const outcomes = await send(two(), { signal: AbortSignal.abort() });
    expect(kinds(outcomes)).toEqual(["retryable", "retryable"]);
    expect(fake.server.requests).toHaveLength(0);
  });

  it.each([500, 502, 503, 504])("treats HTTP %i as unknown (the gateway may have queued it)", async (status) => {
    fake.server.inject({ type: "status", status, body: "<html><body>Service Unavailable</body></html>", contentType: "text/html" });
    expect(kinds(await send(two()))).toEqual(["unknown", "unknown"]);
  });

  it("believes a bare vendor code whatever the HTTP status (500 carrying 1709 is retryable)", async () => {
    fake.server.inject({ type: "status", status: 500, body: "1709" });
    expect(kinds(await send(two()))).toEqual(["retryable", "retryable"]);
  });

  it.each([401, 403])("treats HTTP %i as a refusal of the request", async (status) => {
    fake.server.inject({ type: "status", status, body: "Forbidden" });
    const outcomes = await send(two());
    expect(outcomes[0]).toMatchObject({ kind: "rejected", code: `http-${status}` });
  });

  it("retries after Retry-After on HTTP 429", async () => {
    fake.server.inject({ type: "status", status: 429, body: "slow down" });
    expect((await send(two()))[0]).toMatchObject({ kind: "retryable", code: "http-429" });
  });

  it.each([
    ["an HTML page", "<html><body>Welcome to nginx!</body></html>"],
    ["JSON", '{"status":"success","id":42}'],
    ["a truncated tuple", "1701|23480554"],
    ["null", "null"],
    ["an empty body", ""],
  ])("never counts %s as an acceptance", async (_, body) => {
    fake.server.inject({ type: "malformed", body });
    expect(kinds(await send(two()))).toEqual(["unknown", "unknown"]);
  });

  it("turns a reply larger than the client accepts into unknown", async () => {
    fake.server.inject({ type: "malformed", body: "1701|2348055494001|x,".repeat(250_000) });
    expect(kinds(await send(two()))).toEqual(["unknown", "unknown"]);
  });

  it("leaves unknown a destination the reply does not mention, even if it praises another number", async () => {
    fake.server.inject({ type: "malformed", body: "1701|2348055494001|id-1,1701|9999999999|id-9" });
    const outcomes = await send(two());
    expect(outcomes[0]).toMatchObject({ kind: "accepted", providerMessageId: "id-1" });
    expect(outcomes[1]).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/did not mention 2348055494002/) });
  });

  it("keeps the credentials out of every reason, even when an error page echoes the URL", async () => {
    const settings = settingsFor(fake, { credentials: { username: "user", password: "p@ss word&1" } });
    fake.server.inject({ type: "status", status: 502, body: "Bad gateway for /bulksms/bulksms?username=user&password=p%40ss%20word%261&type=0" });
    const [outcome] = await send([gsmMessage(1)], {}, settings);
    expect(outcome.kind).toBe("unknown");
    expect(JSON.stringify(outcome)).not.toMatch(/p@ss|p%40ss|ss word|word%26/);
    expect(JSON.stringify(outcome)).toContain("***");
  });

  it("reads the 1701|<cell>:<id> reply style", async () => {
    const colon = await startBulksmsFake({ idSeparator: ":" });
    try {
      const outcomes = await bulksmsProvider.create(settingsFor(colon)).send({ messages: two(), reportUrls: REPORT_URLS });
      expect(outcomes.map((o) => o.kind === "accepted" && o.providerMessageId)).toEqual(colon.accepted.map((m) => m.messageId));
    } finally {
      await colon.close();
    }
  });
});
