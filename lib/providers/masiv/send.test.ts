import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMasivFake, type MasivFake } from "./fake-masiv";
import { masivProvider } from "./index";
import { masivMessage as message, masivSettingsFor, NO_REPORT_URLS } from "./test-support";
import type { SendOutcome } from "../types";
import { httpRequest } from "../shared/http";
import { outcomeFromSendReply } from "./send-message";

let fake: MasivFake;

beforeAll(async () => {
  fake = await startMasivFake({ longMessages: true });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.reset();
  fake.accepted.length = 0;
});

function adapter(options: Parameters<typeof masivSettingsFor>[1] = {}) {
  return masivProvider.create(masivSettingsFor(fake, options));
}

async function sendOne(text: string, options: Parameters<typeof masivSettingsFor>[1] = {}, to = "+573151234567"): Promise<SendOutcome> {
  const [outcome] = await adapter(options).send({ messages: [message("a1", to, text)], reportUrls: NO_REPORT_URLS });
  return outcome;
}

describe("masiv send: the document's examples", () => {
  it("sends the example request exactly (action, credentials, recipient, messagedata, longMessage=false)", async () => {
    const settings = { credentials: { username: "USERNAME", password: "PASSW" } };
    const local = await startMasivFake({ username: "USERNAME", password: "PASSW" });
    try {
      const [outcome] = await masivProvider
        .create(masivSettingsFor(local, settings))
        .send({ messages: [message("a1", "+573101234567", "HelloWorld")], reportUrls: NO_REPORT_URLS });
      const request = local.server.requests[0];
      expect(request.path).toBe("/SmsHandlers/sendhandler.ashx");
      expect(request.query.toString()).toBe(
        "action=sendmessage&username=USERNAME&password=PASSW&recipient=573101234567&messagedata=HelloWorld&longMessage=false",
      );
      expect(outcome).toMatchObject({ kind: "accepted", attemptId: "a1", providerMessageId: "35245856" });
    } finally {
      await local.close();
    }
  });

  it("sends originator and sendondate (the document's MM/DD/YYYY hh:mm:ss example)", async () => {
    await adapter().send({
      messages: [message("a1", "+573151234567", "HelloWorld")],
      sender: "3027",
      scheduleAt: new Date("2010-12-24T10:00:00Z"),
      reportUrls: NO_REPORT_URLS,
    });
    expect(fake.server.requests[0].query.get("originator")).toBe("3027");
    expect(fake.server.requests[0].query.get("sendondate")).toBe("12/24/2010 10:00:00");
    expect(fake.accepted[0]).toMatchObject({ originator: "3027", sendOnDate: "12/24/2010 10:00:00" });
  });

  it("writes sendondate in the account's schedule time zone", async () => {
    await adapter({ options: { scheduleTimeZone: "America/Bogota" } }).send({
      messages: [message("a1", "+573151234567", "HelloWorld")],
      scheduleAt: new Date("2010-12-24T15:00:00Z"),
      reportUrls: NO_REPORT_URLS,
    });
    expect(fake.accepted[0].sendOnDate).toBe("12/24/2010 10:00:00");
  });
});

describe("masiv send: texts", () => {
  it("sends Unicode and emoji as UTF-8, unchanged", async () => {
    const text = "Hola señor, ¿qué tal? 👋🏽 € [x] — 你好";
    const outcome = await sendOne(text);
    expect(outcome.kind).toBe("accepted");
    expect(fake.accepted[0].text).toBe(text);
  });

  it("sends a 5-block message with longMessage=true; the id is the first part's, all part ids in raw", async () => {
    const text = "x".repeat(160 * 4 + 100);
    const outcome = await sendOne(text, { options: { longMessages: true } });
    const ids = fake.accepted[0].messageIds;
    expect(ids).toHaveLength(5);
    expect(fake.server.requests[0].query.get("longMessage")).toBe("true");
    expect(outcome).toEqual({ kind: "accepted", attemptId: "a1", providerMessageId: ids[0], raw: JSON.stringify({ partIds: ids }) });
  });

  it("refuses a long text locally when the account has no long messages (nothing sent)", async () => {
    const outcome = await sendOne("y".repeat(161));
    expect(outcome).toMatchObject({ kind: "rejected", code: "too-long" });
    expect(fake.server.requests).toHaveLength(0);
  });

  it("sends exactly 160 characters as one message", async () => {
    expect((await sendOne("z".repeat(160))).kind).toBe("accepted");
    expect(fake.server.requests[0].query.get("longMessage")).toBe("false");
  });

  it("omits the originator when neither the campaign nor the account has one", async () => {
    await sendOne("hi");
    expect(fake.server.requests[0].query.has("originator")).toBe(false);
    expect(fake.accepted[0].originator).toBeUndefined();
  });

  it("refuses a sender name Masiv cannot show (accents) before sending", async () => {
    const [outcome] = await adapter().send({ messages: [message("a1", "+573151234567", "hi")], sender: "Café", reportUrls: NO_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "rejected", code: "invalid-sender" });
  });

  it("refuses an originator over 16 characters and a broken Unicode text before sending", async () => {
    const [sender] = await adapter().send({
      messages: [message("a1", "+573151234567", "hi")],
      sender: "ABCDEFGHIJKLMNOPQ",
      reportUrls: NO_REPORT_URLS,
    });
    expect(sender).toMatchObject({ kind: "rejected", code: "invalid-sender" });
    expect(await sendOne("broken \ud800 text")).toMatchObject({ kind: "rejected", code: "invalid-text" });
    expect(fake.server.requests).toHaveLength(0);
  });
});

describe("masiv send: error codes", () => {
  const cases: [code: string, kind: SendOutcome["kind"]][] = [
    ["1", "rejected"],
    ["1156", "rejected"],
    ["1157", "rejected"],
    ["1158", "rejected"],
    ["1159", "rejected"],
    ["1160", "rejected"],
    ["1164", "rejected"],
    ["8734", "unknown"],
    ["4242", "rejected"],
  ];
  it.each(cases)("error %s → %s, keeping the vendor's code and text", async (code, kind) => {
    fake.failNext(code);
    const outcome = await sendOne("HelloWorld");
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === "rejected") expect(outcome.code).toBe(code);
    if (outcome.kind === "unknown") expect(outcome.reason).toContain(code);
  });

  it("8734 becomes rejected when the account says so", async () => {
    fake.failNext("8734");
    expect(await sendOne("HelloWorld", { options: { platformErrorOutcome: "rejected" } })).toMatchObject({ kind: "rejected", code: "8734" });
  });

  it("the fake's own checks produce the documented codes: wrong password 1157, invalid recipient 1, no credits 1159", async () => {
    expect(await sendOne("hi", { credentials: { username: "user", password: "wrong" } })).toMatchObject({ kind: "rejected", code: "1157" });
    const raw = await httpRequest({ method: "GET", url: `${fake.baseUrl}/sendhandler.ashx?action=sendmessage&username=user&password=secret&recipient=12345&messagedata=hi`, timeoutMs: 2_000 });
    expect(raw.kind === "response" && outcomeFromSendReply("x", raw.body, "unknown")).toMatchObject({ kind: "rejected", code: "1", reason: "Invalid recipient." });
    expect(await sendOne("hi", {}, "+12345")).toMatchObject({ kind: "rejected", code: "invalid-recipient" });
    const poor = await startMasivFake({ credits: 1, longMessages: true });
    try {
      const poorAdapter = masivProvider.create(masivSettingsFor(poor, { options: { longMessages: true } }));
      const [outcome] = await poorAdapter.send({ messages: [message("a1", "+573151234567", "q".repeat(200))], reportUrls: NO_REPORT_URLS });
      expect(outcome).toMatchObject({ kind: "rejected", code: "1159", reason: "Insufficient credits" });
    } finally {
      await poor.close();
    }
  });

  it("matches outcomes by attemptId when one destination of many fails", async () => {
    fake.failFor("573000000003", "1");
    const messages = Array.from({ length: 20 }, (_, i) => message(`m${i}`, `+5730000000${String(i).padStart(2, "0")}`, `hello ${i}`));
    const outcomes = await adapter().send({ messages, reportUrls: NO_REPORT_URLS });
    expect(outcomes.map((o) => o.attemptId)).toEqual(messages.map((m) => m.attemptId));
    expect(outcomes[3]).toMatchObject({ kind: "rejected", code: "1" });
    expect(outcomes.filter((o) => o.kind === "accepted")).toHaveLength(19);
    expect(new Set(fake.accepted.map((m) => m.messageIds[0])).size).toBe(19);
  });
});

describe("masiv send: transport and hostile replies", () => {
  it.each([401, 403])("HTTP %s is rejected (nothing queued)", async (status) => {
    fake.server.inject({ type: "status", status, body: "<html>Forbidden</html>" });
    expect(await sendOne("hi")).toMatchObject({ kind: "rejected", code: `http-${status}` });
  });

  it.each([500, 502, 503, 504])("HTTP %s is unknown (the gateway may have queued it)", async (status) => {
    fake.server.inject({ type: "status", status, body: "Service Unavailable" });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });

  it("HTTP 429 is retryable with Retry-After", async () => {
    fake.server.inject({ type: "status", status: 429, body: "slow down" });
    expect(await sendOne("hi")).toMatchObject({ kind: "retryable", code: "http-429" });
  });

  it("a hang becomes unknown within the account's timeout", async () => {
    fake.server.inject({ type: "hang" });
    const started = Date.now();
    const outcome = await sendOne("hi", { timeoutMs: 300 });
    expect(outcome.kind).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("a dropped connection is unknown; a refused one is retryable", async () => {
    fake.server.inject({ type: "drop" });
    expect((await sendOne("hi")).kind).toBe("unknown");
    const closed = await startMasivFake();
    const settings = masivSettingsFor(closed);
    await closed.close();
    const [outcome] = await masivProvider.create(settings).send({ messages: [message("a1", "+573151234567", "hi")], reportUrls: NO_REPORT_URLS });
    expect(outcome).toMatchObject({ kind: "retryable", code: "not-sent" });
  });

  const hostile: [name: string, body: string][] = [
    ["HTML", "<html><body><h1>Welcome</h1></body></html>"],
    ["truncated XML", '<?xml version="1.0"?><response><action>sendmessage</action><data><acceptreport><statuscode>0</statuscode><messageid>352'],
    ["empty", ""],
    ["plain text", "OK"],
    ["non-numeric statuscode", "<response><action>sendmessage</action><data><acceptreport><statuscode>zero</statuscode></acceptreport></data></response>"],
    ["no acceptreport", "<response><action>sendmessage</action><data></data></response>"],
    ["another action", "<response><action>getMessage</action><data><messageid>1</messageid><status>3</status></data></response>"],
    ["error without code", "<response><action>error</action><data><errormessage>boom</errormessage></data></response>"],
    ["entity expansion", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><response><action>&a;</action></response>'],
    ["JSON", '{"statuscode":0,"messageid":"1"}'],
  ];
  it.each(hostile)("a %s reply is unknown, never accepted", async (_name, body) => {
    fake.server.inject({ type: "malformed", body });
    const outcome = await sendOne("hi");
    expect(outcome.kind).toBe("unknown");
  });

  it("a huge reply is cut off and unknown", async () => {
    fake.server.inject({ type: "status", status: 200, body: `<response>${"x".repeat(5 * 1024 * 1024)}</response>` });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });
});

describe("masiv testConnection", () => {
  it("passes with the right credentials and fails with wrong ones, sending nothing", async () => {
    expect((await adapter().testConnection()).ok).toBe(true);
    const check = await adapter({ credentials: { username: "user", password: "nope" } }).testConnection();
    expect(check).toMatchObject({ ok: false });
    expect(check.message).toContain("1157");
    expect(fake.accepted).toHaveLength(0);
  });
});
