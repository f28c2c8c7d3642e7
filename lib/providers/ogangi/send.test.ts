import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { httpRequest } from "../shared/http";
import type { SendOutcome } from "../types";
import { startOgangiFake, type OgangiFake } from "./fake-ogangi";
import { ogangiProvider } from "./index";
import { outcomeFromSendReply } from "./send-message";
import { base64UrlPadded, signParameters } from "./signing";
import { NO_REPORT_URLS, ogangiMessage as message, ogangiSettingsFor } from "./test-support";

let fake: OgangiFake;

beforeAll(async () => {
  fake = await startOgangiFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.reset();
  fake.accepted.length = 0;
});

type Overrides = Parameters<typeof ogangiSettingsFor>[1];
const adapter = (overrides: Overrides = {}) => ogangiProvider.create(ogangiSettingsFor(fake, overrides));

async function sendOne(text: string, overrides: Overrides = {}, to = "+13056708084"): Promise<SendOutcome> {
  const [outcome] = await adapter(overrides).send({ messages: [message("a1", to, text)], reportUrls: NO_REPORT_URLS });
  return outcome;
}

describe("ogangi send: sendSMS", () => {
  it("sends the document's example message: path parameters in order, Base64 number and text, signed", async () => {
    const outcome = await sendOne("OGANGI TEST MESSAGE", { options: { carrier: "carrierName" } });
    const path = fake.server.requests[0].path;
    const signed = `8/carrierName/19893653744/${base64UrlPadded("13056708084")}/${base64UrlPadded("OGANGI TEST MESSAGE")}`;
    expect(path).toBe(
      `/messangi_mmc/rest/api/tools/sendSMS/${signed}/4BFB-4943-9546-9BB8964254F2/${signParameters(signed, "FBF3-4310-909C-C4BBC26F886F")}`,
    );
    expect(outcome).toMatchObject({ kind: "accepted", state: "sent", raw: "SENT_TO_CARRIER" });
    expect(outcome.kind === "accepted" && outcome.providerMessageId).toMatch(/^-?\d+$/);
    expect(fake.accepted[0]).toMatchObject({ method: "sendSMS", carrier: "carrierName", from: "19893653744", to: "13056708084", text: "OGANGI TEST MESSAGE" });
  });

  it("sends Unicode, emoji and a 5-segment text unchanged", async () => {
    const emoji = "¡Hola! ¿Qué tal? 👋🏽 €50 [oferta] — 你好";
    const long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(13).slice(0, 765);
    expect((await sendOne(emoji)).kind).toBe("accepted");
    expect((await sendOne(long)).kind).toBe("accepted");
    expect(fake.accepted.map((m) => m.text)).toEqual([emoji, long]);
  });

  it("keeps the carrier, sender and ids exactly, percent-encoding path-unsafe characters", async () => {
    await sendOne("hi", { options: { carrier: "Movistar Venezuela" }, defaultSender: "OGANGI" });
    expect(fake.server.requests[0].path).toContain("/tools/sendSMS/8/Movistar%20Venezuela/OGANGI/");
    expect(fake.accepted[0]).toMatchObject({ carrier: "Movistar Venezuela", from: "OGANGI" });
  });
});

describe("ogangi send: sendMT", () => {
  it("sends sendMT without flags: from before carrier, the number in clear; no id comes back", async () => {
    const outcome = await sendOne("hello", { options: { sendMethod: "sendMT" } });
    expect(fake.server.requests[0].path).toMatch(new RegExp(`^/messangi_mmc/rest/api/sendMT/8/19893653744/null/13056708084/${base64UrlPadded("hello")}/`));
    expect(outcome).toEqual({ kind: "accepted", attemptId: "a1" });
    expect(fake.accepted[0]).toMatchObject({ method: "sendMT", carrier: "null", to: "13056708084", text: "hello" });
  });

  it("sends sendMT with flags as the extra segment", async () => {
    await sendOne("hello", { options: { sendMethod: "sendMTWithFlags", flags: "priority=1" } });
    expect(fake.server.requests[0].path).toContain(`/${base64UrlPadded("hello")}/priority%3D1/4BFB`);
    expect(fake.accepted[0].flags).toBe("priority=1");
  });
});

describe("ogangi send: statuses in the immediate reply", () => {
  const cases: [status: string, expected: Partial<SendOutcome>][] = [
    ["BAD_TO", { kind: "rejected", code: "BAD_TO" }],
    ["BAD_FROM", { kind: "rejected", code: "BAD_FROM" }],
    ["BAD_ENCODING", { kind: "rejected", code: "BAD_ENCODING" }],
    ["BAD_CARRIER/FROM", { kind: "rejected", code: "BAD_CARRIER/FROM" }],
    ["NOT_SENT", { kind: "rejected", code: "NOT_SENT" }],
    ["NOT_ENOUGH_FUNDS", { kind: "rejected", code: "NOT_ENOUGH_FUNDS", reason: "Message not sent. There are not enough funds" }],
    ["BLACKLISTED", { kind: "rejected", code: "BLACKLISTED", optOut: true }],
    ["UNREACHABLE", { kind: "rejected", code: "UNREACHABLE" }],
    ["EXPIRED", { kind: "rejected", code: "EXPIRED" }],
    ["SENT", { kind: "accepted", state: "sent", raw: "SENT" }],
    ["DELIVERED_TO_CARRIER", { kind: "accepted", state: "sent", raw: "DELIVERED_TO_CARRIER" }],
    ["PENDING", { kind: "accepted", raw: "PENDING" }],
    ["SOMETHING_NEW", { kind: "accepted", raw: "SOMETHING_NEW" }],
  ];
  it.each(cases)("%s → %o", async (status, expected) => {
    fake.failFor("13056708085", status);
    const outcome = await sendOne("hi", {}, "+13056708085");
    expect(outcome).toMatchObject(expected);
    if (expected.kind === "accepted" && !("state" in expected)) expect(outcome).not.toHaveProperty("state");
  });

  it("the fake's own checks: an unknown sender is BAD_FROM", async () => {
    const strict = await startOgangiFake({ senders: ["19893653744"] });
    try {
      const [outcome] = await ogangiProvider
        .create(ogangiSettingsFor(strict, { defaultSender: "55555" }))
        .send({ messages: [message("a1", "+13056708084", "hi")], reportUrls: NO_REPORT_URLS });
      expect(outcome).toMatchObject({ kind: "rejected", code: "BAD_FROM" });
    } finally {
      await strict.close();
    }
  });

  it("matches outcomes by attemptId across concurrent sends", async () => {
    fake.failFor("13050000003", "BAD_TO");
    const messages = Array.from({ length: 20 }, (_, i) => message(`m${i}`, `+130500000${String(i).padStart(2, "0")}`, `hi ${i}`));
    const outcomes = await adapter().send({ messages, reportUrls: NO_REPORT_URLS });
    expect(outcomes.map((o) => o.attemptId)).toEqual(messages.map((m) => m.attemptId));
    expect(outcomes[3]).toMatchObject({ kind: "rejected", code: "BAD_TO" });
    const ids = outcomes.flatMap((o) => (o.kind === "accepted" ? [o.providerMessageId] : []));
    expect(new Set(ids).size).toBe(19);
  });
});

describe("ogangi send: signature, reply statuses and refusals", () => {
  it("a wrong private key gets BAD_SIGNATURE → rejected", async () => {
    const outcome = await sendOne("hi", { credentials: { instanceId: "8", publicKey: "4BFB-4943-9546-9BB8964254F2", privateKey: "wrong" } });
    expect(outcome).toMatchObject({ kind: "rejected", code: "BAD_SIGNATURE", reason: "Invalid signature, access denied" });
  });

  it("unpadded Base64 (Node's base64url) fails the signature; the standard alphabet is an ERROR", async () => {
    const send = async (text: string, number: string) => {
      const signed = `8/null/19893653744/${number}/${text}`;
      const url = `${fake.baseUrl}/rest/api/tools/sendSMS/${signed}/4BFB-4943-9546-9BB8964254F2/${signParameters(signed, "FBF3-4310-909C-C4BBC26F886F")}`;
      const response = await httpRequest({ method: "GET", url, timeoutMs: 2000 });
      return response.kind === "response" ? outcomeFromSendReply("x", response.body, "rejected") : undefined;
    };
    const number = Buffer.from("13056708084").toString("base64url");
    expect(await send(Buffer.from("ab").toString("base64url"), number)).toMatchObject({ kind: "rejected", code: "BAD_SIGNATURE" });
    expect(await send("Pz8_Pz8-", base64UrlPadded("13056708084"))).toMatchObject({ kind: "accepted" });
    // "??>" in the standard alphabet ("Pz8+"): Java's URL-safe decoder throws
    expect(await send("Pz8+", base64UrlPadded("13056708084"))).toMatchObject({ kind: "rejected", code: "ERROR" });
  });

  it("ERROR → unknown by default, rejected when the account says so", async () => {
    fake.failNext("ERROR");
    expect((await sendOne("hi")).kind).toBe("unknown");
    fake.failNext("ERROR");
    expect(await sendOne("hi", { options: { internalErrorOutcome: "rejected" } })).toMatchObject({ kind: "rejected", code: "ERROR" });
  });

  it("refuses before sending: a scheduled send, a missing sender, a broken text, a bad number", async () => {
    const [scheduled] = await adapter().send({ messages: [message("a1", "+13056708084", "hi")], scheduleAt: new Date(), reportUrls: NO_REPORT_URLS });
    expect(scheduled).toMatchObject({ kind: "rejected", code: "schedule-unsupported" });
    expect(await sendOne("hi", { defaultSender: undefined })).toMatchObject({ kind: "rejected", code: "invalid-sender" });
    // a lone low surrogate, a lone high one at the end, and a pair in the wrong order
    for (const text of ["broken \udc00", "broken \ud800", "\udc00\ud800"]) {
      expect(await sendOne(text)).toMatchObject({ kind: "rejected", code: "invalid-text" });
    }
    expect(await sendOne("hi", {}, "13056708084")).toMatchObject({ kind: "rejected", code: "invalid-recipient" });
    expect(fake.server.requests).toHaveLength(0);
  });
});

describe("ogangi send: transport and hostile replies", () => {
  it.each([401, 403])("HTTP %s → rejected", async (status) => {
    fake.server.inject({ type: "status", status, body: "Forbidden" });
    expect(await sendOne("hi")).toMatchObject({ kind: "rejected", code: `http-${status}` });
  });

  it.each([500, 502, 503])("HTTP %s → unknown", async (status) => {
    fake.server.inject({ type: "status", status, body: "<html>error</html>" });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });

  it("a hang → unknown within the timeout; a drop → unknown", async () => {
    fake.server.inject({ type: "hang" });
    const started = Date.now();
    expect((await sendOne("hi", { timeoutMs: 300 })).kind).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(1_500);
    fake.server.inject({ type: "drop" });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });

  it.each([
    ["HTML", "<html><body><p>Welcome to nginx!</p></body></html>"],
    ["truncated", "<input>sendSMS</input><status>OK</status><description>Completed</description><result><messages><message><id>-81747"],
    ["JSON", '{"status":"OK"}'],
    ["entity", '<!DOCTYPE x [<!ENTITY e "OK">]><input>sendSMS</input><status>&e;</status>'],
  ])("a %s reply → unknown", async (_name, body) => {
    fake.server.inject({ type: "malformed", body });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });

  it("a huge reply → unknown", async () => {
    fake.server.inject({ type: "status", status: 200, body: `<input>${"x".repeat(5 * 1024 * 1024)}</input>` });
    expect((await sendOne("hi")).kind).toBe("unknown");
  });
});

describe("ogangi testConnection", () => {
  it("passes with the right keys and fails with a wrong one", async () => {
    expect((await adapter().testConnection()).ok).toBe(true);
    const check = await adapter({ credentials: { instanceId: "8", publicKey: "nope", privateKey: "x" } }).testConnection();
    expect(check.ok).toBe(false);
    expect(check.message).toContain("signature");
  });
});
