import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import type { RawRequest } from "../types";
import { bulksmsProvider } from "./index";
import { startBulksmsFake } from "./fake-bulksms";
import { parseDeliveryReport } from "./reports";
import { settingsFor } from "./test-support";

const options = { optOutCodes: new Set(["1032", "1035", "1042"]), timeZone: "UTC" };

function formPost(fields: Record<string, string>): RawRequest {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    query: {},
    body: new URLSearchParams(fields).toString(),
  };
}

const report = {
  sSender: "ACME",
  sMobileNo: "2348055494143",
  sStatus: "DELIVRD",
  dtSubmit: "2024-05-01 13:45:10",
  dtDone: "2024-05-01 13:45:52",
  sMessageId: "c7a5b7e2-3b9e-4a5e-8d3c-1f2e3d4c5b6a",
  iCostPerSms: "1",
  iCharge: "2",
  iMCCMNC: "62130",
  iErrCode: "0",
};

describe("parseDeliveryReport", () => {
  it("reads a report with all ten fields of the DLR Push API and answers 200", () => {
    expect(parseDeliveryReport(formPost(report), options)).toEqual({
      items: [
        {
          kind: "status",
          providerMessageId: "c7a5b7e2-3b9e-4a5e-8d3c-1f2e3d4c5b6a",
          state: "delivered",
          rawStatus: "DELIVRD",
          cost: { amount: 2 },
          occurredAt: new Date("2024-05-01T13:45:52Z"),
        },
      ],
      reply: { status: 200, body: "OK", contentType: "text/plain; charset=utf-8" },
    });
  });

  it.each([
    ["ACKED", "sent"],
    ["ACCEPTED", "sent"],
    ["ENROUTE", "sent"],
    ["DELIVRD", "delivered"],
    ["UNDELIV", "undelivered"],
    ["DELETED", "undelivered"],
    ["REJECTD", "failed"],
    ["EXPIRED", "expired"],
  ])("maps %s to %s", (status, state) => {
    expect(parseDeliveryReport(formPost({ ...report, sStatus: status }), options).items[0]).toMatchObject({ kind: "status", state, rawStatus: status });
  });

  it("stores UNKNOWN (and any unlisted status) raw without moving the message", () => {
    for (const status of ["UNKNOWN", "unknown", "SUBMITTED"]) {
      const { items, reply } = parseDeliveryReport(formPost({ ...report, sStatus: status, iErrCode: "205" }), options);
      expect(items).toEqual([{ kind: "raw", providerMessageId: report.sMessageId, rawStatus: status.toUpperCase(), errorCode: "205" }]);
      expect(reply.status).toBe(200);
    }
  });

  it("keeps the error code, and opts the contact out on an opt-out code in a failure", () => {
    const [failed] = parseDeliveryReport(formPost({ ...report, sStatus: "REJECTD", iErrCode: "1035" }), options).items;
    expect(failed).toMatchObject({ state: "failed", errorCode: "1035", optOut: true });
    const [undelivered] = parseDeliveryReport(formPost({ ...report, sStatus: "UNDELIV", iErrCode: "205" }), options).items;
    expect(undelivered).toMatchObject({ state: "undelivered", errorCode: "205" });
    expect(undelivered).not.toHaveProperty("optOut");
  });

  it("reads the fields from the query string too (the specification says they are appended to the URL)", () => {
    const request: RawRequest = { method: "POST", headers: {}, query: { ...report, sStatus: "EXPIRED" }, body: "" };
    expect(parseDeliveryReport(request, options).items[0]).toMatchObject({ state: "expired", providerMessageId: report.sMessageId });
  });

  it("reads an unlabelled form body and field names in any case", () => {
    const request: RawRequest = { method: "POST", headers: {}, query: {}, body: "smessageid=abc&SSTATUS=delivrd&dtdone=2024-05-01%2013%3A45%3A52" };
    expect(parseDeliveryReport(request, options).items[0]).toMatchObject({ providerMessageId: "abc", state: "delivered" });
  });

  it("reads the gateway's clock in the account's zone", () => {
    const [event] = parseDeliveryReport(formPost(report), { ...options, timeZone: "Africa/Algiers" }).items;
    expect(event).toMatchObject({ occurredAt: new Date("2024-05-01T12:45:52Z") });
  });

  it("leaves out a time or charge it cannot read", () => {
    const [event] = parseDeliveryReport(formPost({ ...report, dtDone: "yesterday", iCharge: "n/a" }), options).items;
    expect(event).not.toHaveProperty("occurredAt");
    expect(event).not.toHaveProperty("cost");
  });

  it("gives the same event for a duplicate report, and one for an id we never sent (matching is lib/delivery's job)", () => {
    const first = parseDeliveryReport(formPost(report), options);
    expect(parseDeliveryReport(formPost(report), options)).toEqual(first);
    expect(parseDeliveryReport(formPost({ ...report, sMessageId: "never-sent" }), options).items[0]).toMatchObject({ providerMessageId: "never-sent" });
  });

  it.each([
    ["no sMessageId", { ...report, sMessageId: "" }, "missing sMessageId"],
    ["no sStatus", { ...report, sStatus: " " }, "missing sStatus"],
    ["nothing at all", {}, "missing sMessageId and sStatus"],
  ])("answers 400 to a report with %s", (_, fields, body) => {
    expect(parseDeliveryReport(formPost(fields as Record<string, string>), options)).toEqual({
      items: [],
      reply: { status: 400, body, contentType: "text/plain; charset=utf-8" },
    });
  });

  it("ignores a JSON or hostile body instead of crashing", () => {
    const json: RawRequest = { method: "POST", headers: { "Content-Type": "application/json" }, query: {}, body: JSON.stringify(report) };
    expect(parseDeliveryReport(json, options).reply.status).toBe(400);
    const garbage: RawRequest = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, query: {}, body: "%%%&&&==\u0000".repeat(10_000) };
    expect(parseDeliveryReport(garbage, options).items).toEqual([]);
  });
});

describe("reports pushed by the fake gateway", () => {
  const received: RawRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw: RawRequest = {
      method: req.method ?? "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      query: Object.fromEntries(url.searchParams),
      body: Buffer.concat(chunks).toString("utf8"),
    };
    received.push(raw);
    const parsed = adapter.parseReport!("delivery", raw);
    res.writeHead(parsed.reply.status, { "content-type": parsed.reply.contentType ?? "text/plain" });
    res.end(parsed.reply.body);
  });
  const fakeUrl = { url: "http://127.0.0.1:1" };
  const adapter = bulksmsProvider.create(settingsFor(fakeUrl));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("arrive as form POSTs the adapter parses, answered 200", async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/token/delivery`;
    const fake = await startBulksmsFake();
    try {
      const answer = await fake.deliverReport(webhook, { messageId: "m-1", destination: "+2348055494143", source: "ACME" }, "DELIVRD");
      expect(answer).toEqual({ status: 200, body: "OK" });
      expect(received[0].method).toBe("POST");
      expect(Object.keys(Object.fromEntries(new URLSearchParams(received[0].body)))).toEqual([
        "sSender",
        "sMobileNo",
        "sStatus",
        "dtSubmit",
        "dtDone",
        "sMessageId",
        "iCostPerSms",
        "iCharge",
        "iMCCMNC",
        "iErrCode",
      ]);
      expect(adapter.parseReport!("delivery", received[0]).items[0]).toMatchObject({ kind: "status", providerMessageId: "m-1", state: "delivered" });
    } finally {
      await fake.close();
    }
  });
});
