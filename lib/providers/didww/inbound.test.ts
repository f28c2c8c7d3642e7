import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushInbound, type InboundTemplate } from "./fake-didww-pushes";
import { parseInboundPush, type InboundReading } from "./inbound";
import { didwwProvider } from "./index";
import { inboundFieldsSchema, type DidwwOptions } from "./settings";
import { didwwSettingsFor, startWebhookReceiver, type WebhookReceiver } from "./test-support";
import type { RawRequest } from "../types";

const SMS = { from: "37041654321", to: "37041123456", text: "Привет 👋 — reply STOP to opt out", time: new Date("2024-03-01T10:20:30Z") };
const DEFAULT_READING: InboundReading = { fields: inboundFieldsSchema.parse({}), body: "auto" };
const NOW = new Date("2030-01-01T00:00:00Z");

async function receiverWith(options: Partial<DidwwOptions> = {}): Promise<WebhookReceiver> {
  return startWebhookReceiver(didwwProvider.create(didwwSettingsFor({ url: "http://127.0.0.1:9" }, { options })));
}

describe("pushes in every format and method DIDWW offers", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await receiverWith();
  });
  afterAll(() => receiver.close());

  const templates: InboundTemplate[] = [
    { format: "json", method: "POST" },
    { format: "json", method: "PUT" },
    { format: "urlencoded", method: "POST" },
    { format: "urlencoded", method: "PUT" },
    { format: "multipart", method: "POST" },
    { format: "multipart", method: "PUT" },
    { format: "raw", method: "POST" },
    { format: "raw", method: "PUT" },
    { format: "json", method: "GET" },
    { format: "json", method: "POST", text: "base64" },
    { format: "multipart", method: "POST", text: "both" },
  ];

  it.each(templates)("$format via $method (text: $text)", async (template) => {
    const answer = await pushInbound(`${receiver.url}/inbound`, SMS, template);
    expect(answer.status).toBe(200);
    expect(receiver.inbound.at(-1)).toEqual({
      providerMessageId: answer.uuid,
      from: "+37041654321",
      to: "+37041123456",
      text: SMS.text,
      receivedAt: SMS.time,
    });
  });

  it("hands a retried push back with the same SMS_UUID (storage dedupes on it)", async () => {
    const uuid = "6f1c1b9e-0000-4000-8000-000000000001";
    await pushInbound(`${receiver.url}/inbound`, { ...SMS, uuid }, { format: "json" });
    await pushInbound(`${receiver.url}/inbound`, { ...SMS, uuid }, { format: "urlencoded" });
    const retried = receiver.inbound.filter((m) => m.providerMessageId === uuid);
    expect(retried).toHaveLength(2);
    expect(retried[1]).toEqual(retried[0]);
  });

  it("keeps text that looks like markup or form syntax exactly", async () => {
    const text = 'a=b&c=%20d\r\n--boundary "quoted" {"json":true} <b>';
    for (const format of ["json", "urlencoded", "multipart"] as const) {
      const answer = await pushInbound(`${receiver.url}/inbound`, { ...SMS, text }, { format, text: "both" });
      expect(answer.status).toBe(200);
      expect(receiver.inbound.at(-1)?.text).toBe(text);
    }
  });

  it("decodes RFC 3986 addresses once, so an alphanumeric sender keeps its space", async () => {
    await pushInbound(`${receiver.url}/inbound`, { ...SMS, from: "Info Line" }, { format: "urlencoded" });
    expect(receiver.inbound.at(-1)?.from).toBe("Info Line");
  });
});

describe("a trunk template with the customer's own names", () => {
  it("reads the names configured in the account options", async () => {
    const fields = { uuid: "id", from: "sender", to: "did", text: "body", textBase64: "body64", time: "received" };
    const receiver = await receiverWith({ inboundFields: fields });
    try {
      const answer = await pushInbound(`${receiver.url}/inbound`, SMS, { format: "multipart", fields });
      expect(answer.status).toBe(200);
      expect(receiver.inbound[0]).toMatchObject({ providerMessageId: answer.uuid, from: "+37041654321", text: SMS.text });
    } finally {
      await receiver.close();
    }
  });

  it("reads a RAW body carrying the Base64 text when the account says so", async () => {
    const receiver = await receiverWith({ inboundBody: "raw-base64" });
    try {
      const answer = await pushInbound(`${receiver.url}/inbound`, SMS, { format: "raw", text: "base64" });
      expect(answer.status).toBe(200);
      expect(receiver.inbound[0].text).toBe(SMS.text);
    } finally {
      await receiver.close();
    }
  });

  it("reads nested JSON members and header-borne values", () => {
    const request: RawRequest = {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Sms-Uuid": "u-1" },
      query: {},
      body: JSON.stringify({ sms: { from: "37041654321", to: "37041123456", text: "hi" } }),
    };
    const reading: InboundReading = { fields: inboundFieldsSchema.parse({ uuid: "x-sms-uuid", from: "sms.from", to: "sms.to", text: "sms.text" }), body: "auto" };
    const { items } = parseInboundPush(request, reading, NOW);
    expect(items).toEqual([{ providerMessageId: "u-1", from: "+37041654321", to: "+37041123456", text: "hi", receivedAt: NOW }]);
  });
});

describe("pushes that cannot be read are answered 400 so DIDWW retries them", () => {
  const request = (body: string, contentType: string, query: Record<string, string> = {}): RawRequest => ({
    method: "POST",
    headers: { "content-type": contentType },
    query,
    body,
  });

  it.each([
    ["a missing SMS_UUID", request(JSON.stringify({ SMS_SRC_ADDR: "1", SMS_DST_ADDR: "2", SMS_TEXT: "x" }), "application/json"), /missing SMS_UUID/],
    ["no text at all", request("", "text/plain", { SMS_UUID: "u", SMS_SRC_ADDR: "1", SMS_DST_ADDR: "2" }), /SMS_TEXT or SMS_TEXT_BASE64_ENCODED/],
    ["a JSON array", request("[1,2]", "application/json"), /not an object/],
    ["truncated JSON", request('{"SMS_UUID":"u', "application/json"), /not an object/],
    ["multipart without boundary", request("--x\r\n", "multipart/form-data"), /boundary/],
    ["broken Base64", request(JSON.stringify({ SMS_UUID: "u", SMS_SRC_ADDR: "1", SMS_DST_ADDR: "2", SMS_TEXT_BASE64_ENCODED: "@@@" }), "application/json"), /Base64/],
  ])("%s", (_name, raw, reason) => {
    const { items, reply } = parseInboundPush(raw, DEFAULT_READING, NOW);
    expect(items).toEqual([]);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(reason);
  });

  it("uses the arrival time when SMS_TIME is absent or unreadable, and accepts an empty SMS", () => {
    const raw = request(JSON.stringify({ SMS_UUID: "u", SMS_SRC_ADDR: "3712", SMS_DST_ADDR: "3734", SMS_TEXT: "", SMS_TIME: "yesterday" }), "application/json");
    expect(parseInboundPush(raw, DEFAULT_READING, NOW).items).toEqual([{ providerMessageId: "u", from: "+3712", to: "+3734", text: "", receivedAt: NOW }]);
  });
});
