import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIDWW_CODES } from "./codes";
import { startDidwwFake, type DidwwFake } from "./fake-didww";
import { dlrEventBody } from "./fake-didww-pushes";
import { didwwProvider } from "./index";
import { parseCallback } from "./reports";
import { REPORT_URLS, didwwMessage, didwwSettingsFor, startWebhookReceiver, type WebhookReceiver } from "./test-support";
import type { RawRequest } from "../types";

// The document's callback example, verbatim.
const DOC_CALLBACK = `{
    "data": {
        "type": "outbound_message_callbacks",
        "id": "550e8400-e29b-41d4-a716-446655440000",
        "attributes": {
            "time_start": "1997-07-16T19:20:30.45Z",
            "end_time": "2001-07-16T19:20:30.45Z",
            "destination": "37041654321",
            "source": "37041123456",
            "status": "Success",
            "code_id": null,
            "fragments_sent": 7,
            "price": 0.001
        }
    }
}`;

const post = (body: string, method = "POST"): RawRequest => ({ method, headers: { "content-type": "application/vnd.api+json" }, query: {}, body });

const callback = (attributes: Record<string, unknown>, id = "m-1") =>
  JSON.stringify({ data: { type: "outbound_message_callbacks", id, attributes: { status: "Success", code_id: null, ...attributes } } });

describe("status callbacks", () => {
  it("reads the document's example: sent, cost = price × fragments, end time from end_time", () => {
    const { items, reply } = parseCallback(post(DOC_CALLBACK));
    expect(reply.status).toBe(200);
    expect(items).toEqual([
      {
        kind: "status",
        providerMessageId: "550e8400-e29b-41d4-a716-446655440000",
        state: "sent",
        rawStatus: "Success",
        errorCode: undefined,
        errorText: undefined,
        cost: { amount: 0.007 },
        occurredAt: new Date("2001-07-16T19:20:30.45Z"),
      },
    ]);
  });

  it("reads time_end (the table's name) too, and falls back to time_start", () => {
    const [withTable] = parseCallback(post(callback({ time_end: "2020-01-02T03:04:05Z" }))).items;
    const [startOnly] = parseCallback(post(callback({ time_start: "2020-01-01T00:00:00Z" }))).items;
    expect(withTable).toMatchObject({ occurredAt: new Date("2020-01-02T03:04:05Z") });
    expect(startOnly).toMatchObject({ occurredAt: new Date("2020-01-01T00:00:00Z") });
  });

  it.each(Object.entries(DIDWW_CODES.callbackCode))("code_id %s → failed with the document's text", (code, text) => {
    const [event] = parseCallback(post(callback({ status: "Failed", code_id: Number(code), fragments_sent: 1, price: 0 }))).items;
    expect(event).toMatchObject({ kind: "status", state: "failed", rawStatus: "Failed", errorCode: code, errorText: text, cost: { amount: 0 } });
  });

  it.each([
    ["Success", "sent"],
    ["Routing Error", "failed"],
    ["Routing error", "failed"],
    ["Failed", "failed"],
  ])("status %s → %s", (status, state) => {
    const [event] = parseCallback(post(callback({ status, code_id: status === "Success" ? null : 1 }))).items;
    expect(event).toMatchObject({ kind: "status", state, rawStatus: status });
  });

  it("keeps an undocumented status or code raw instead of guessing", () => {
    const [raw] = parseCallback(post(callback({ status: "Queued" }))).items;
    expect(raw).toEqual({ kind: "raw", providerMessageId: "m-1", rawStatus: "Queued", errorCode: undefined });
    const [odd] = parseCallback(post(callback({ status: "Failed", code_id: "999" }))).items;
    expect(odd).toMatchObject({ state: "failed", errorCode: "999", errorText: "undocumented code_id 999" });
  });

  it("accepts numbers sent as strings, and leaves the cost out when price or fragments are missing", () => {
    const [strings] = parseCallback(post(callback({ price: "0.05", fragments_sent: "3" }))).items;
    expect(strings).toMatchObject({ cost: { amount: 0.15 } });
    const [noPrice] = parseCallback(post(callback({ fragments_sent: 3 }))).items;
    expect(noPrice).toMatchObject({ cost: undefined });
  });

  it("returns a duplicate as often as it arrives and events for unknown ids (storage dedupes and matches)", () => {
    const first = parseCallback(post(DOC_CALLBACK)).items;
    const again = parseCallback(post(DOC_CALLBACK)).items;
    expect(again).toEqual(first);
    const [unknown] = parseCallback(post(callback({}, "never-sent-by-us"))).items;
    expect(unknown).toMatchObject({ providerMessageId: "never-sent-by-us", state: "sent" });
  });

  it("reads several resources in one document", () => {
    const body = JSON.stringify({ data: [JSON.parse(callback({}, "a")).data, JSON.parse(callback({}, "b")).data] });
    expect(parseCallback(post(body)).items.map((e) => (e as { providerMessageId: string }).providerMessageId)).toEqual(["a", "b"]);
  });
});

describe("dlr_event receipts", () => {
  it.each([
    ["DELIVERED", "delivered"],
    ["delivered", "delivered"],
    ["FAILED", "undelivered"],
    ["UNDELIV", "undelivered"],
    ["EXPIRED", "expired"],
    ["REJECTD", "failed"],
    ["ENROUTE", "sent"],
  ])("%s → %s", (status, state) => {
    const [event] = parseCallback(post(dlrEventBody("m-1", status, new Date("2024-05-06T07:08:09Z")))).items;
    expect(event).toEqual({ kind: "status", providerMessageId: "m-1", state, rawStatus: status, occurredAt: new Date("2024-05-06T07:08:09Z") });
  });

  it("keeps an unknown carrier status raw", () => {
    expect(parseCallback(post(dlrEventBody("m-1", "UNKNOWN"))).items).toEqual([{ kind: "raw", providerMessageId: "m-1", rawStatus: "UNKNOWN" }]);
  });

  it("takes the message id from a relationship or attribute when the event has its own id", () => {
    const related = { data: { type: "dlr_event", id: "evt-1", attributes: { status: "DELIVERED" }, relationships: { outbound_message: { data: { type: "outbound_messages", id: "m-9" } } } } };
    const attribute = { data: { type: "dlr_event", id: "evt-2", attributes: { status: "DELIVERED", message_id: "m-8" } } };
    expect(parseCallback(post(JSON.stringify(related))).items[0]).toMatchObject({ providerMessageId: "m-9" });
    expect(parseCallback(post(JSON.stringify(attribute))).items[0]).toMatchObject({ providerMessageId: "m-8" });
  });
});

describe("what is not a callback", () => {
  it.each([
    ["not JSON", "<html>hi</html>", /not JSON/],
    ["truncated JSON", DOC_CALLBACK.slice(0, 80), /not JSON/],
    ["another type", JSON.stringify({ data: { type: "outbound_messages", id: "x", attributes: { status: "Success" } } }), /not a DIDWW callback/],
    ["no id", JSON.stringify({ data: { type: "outbound_message_callbacks", attributes: { status: "Success" } } }), /data\.id/],
    ["an object as status", callback({ status: { a: 1 } }), /status/],
    ["a fractional code_id", callback({ status: "Failed", code_id: 1.5 }), /code_id/],
    ["empty data array", JSON.stringify({ data: [] }), /not a DIDWW callback/],
  ])("%s → 400 with the reason, no events", (_name, body, reason) => {
    const { items, reply } = parseCallback(post(body));
    expect(items).toEqual([]);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(reason);
  });

  it("a GET → 405", () => {
    expect(parseCallback(post("", "GET")).reply.status).toBe(405);
  });
});

describe("callbacks sent by the fake to the trunk's Callback URL", () => {
  let fake: DidwwFake;
  let receiver: WebhookReceiver;
  const settings = () => didwwSettingsFor(fake);
  beforeAll(async () => {
    fake = await startDidwwFake({ dlrEvents: true, allowedSources: ["37041123456"] });
    receiver = await startWebhookReceiver(didwwProvider.create(settings()));
    fake.setCallbackUrl(`${receiver.url}/reports`);
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  it("reports Success (with cost) then DELIVERED for each message, and code_id failures per destination", async () => {
    fake.failDestination("37041654329", 2);
    const adapter = didwwProvider.create(settings());
    const messages = [
      didwwMessage("a1", "+37041654321", "A".repeat(700)),
      didwwMessage("a2", "+37041654322", "A".repeat(700)),
      didwwMessage("a3", "+37041654329", "A".repeat(700)),
    ];
    const outcomes = await adapter.send({ messages, sender: "37041123456", reportUrls: REPORT_URLS });
    await fake.settled();
    expect(fake.callbackErrors).toEqual([]);
    const ids = outcomes.map((o) => (o as { providerMessageId: string }).providerMessageId);
    const of = (id: string) => receiver.reports.filter((r) => "providerMessageId" in r && r.providerMessageId === id);
    for (const id of ids.slice(0, 2)) {
      expect(of(id)).toMatchObject([
        { state: "sent", rawStatus: "Success", cost: { amount: 0.005 } }, // 700 GSM characters = 5 fragments
        { state: "delivered", rawStatus: "DELIVERED" },
      ]);
    }
    expect(of(ids[2])).toMatchObject([{ state: "failed", errorCode: "2", errorText: "No rate found" }]);
  });

  it("fails messages from a source the trunk does not allow with code_id 8", async () => {
    const adapter = didwwProvider.create(settings());
    const [outcome] = await adapter.send({ messages: [didwwMessage("b1", "+37041654321", "hi")], sender: "37040000000", reportUrls: REPORT_URLS });
    await fake.settled();
    const id = (outcome as { providerMessageId: string }).providerMessageId;
    expect(receiver.reports.filter((r) => "providerMessageId" in r && r.providerMessageId === id)).toMatchObject([
      { state: "failed", errorCode: "8", errorText: "SMS source address is not allowed" },
    ]);
  });
});
