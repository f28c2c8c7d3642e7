import { describe, expect, it } from "vitest";
import type { RawRequest } from "../types";
import { parseSimulatorInbound, parseSimulatorReport } from "./parse";

const post = (body: string): RawRequest => ({ method: "POST", headers: { "content-type": "application/json" }, query: {}, body });

describe("parseSimulatorReport", () => {
  it("maps the simulator's statuses to our states, keeping its raw status and error", () => {
    const body = JSON.stringify({
      reports: [
        { id: "sim-1", to: "+31612345678", status: "DELIVERED", at: "2030-01-01T10:00:00.000Z" },
        { id: "sim-2", to: "+31612345679", status: "UNDELIVERED", errorCode: "27", errorText: "Absent subscriber" },
        { id: "sim-3", to: "+31612345670", status: "FAILED", errorCode: "34" },
        { id: "sim-4", to: "+31612345671", status: "ENROUTE" },
        { id: "sim-5", to: "+31612345672", status: "QUEUED_AT_SMSC" },
      ],
    });
    const parsed = parseSimulatorReport("report", post(body));
    expect(parsed.reply).toEqual({ status: 200, body: '{"received":5}', contentType: "application/json" });
    expect(parsed.items).toEqual([
      { kind: "status", providerMessageId: "sim-1", state: "delivered", rawStatus: "DELIVERED", occurredAt: new Date("2030-01-01T10:00:00.000Z") },
      { kind: "status", providerMessageId: "sim-2", state: "undelivered", rawStatus: "UNDELIVERED", errorCode: "27", errorText: "Absent subscriber" },
      { kind: "status", providerMessageId: "sim-3", state: "failed", rawStatus: "FAILED", errorCode: "34" },
      { kind: "status", providerMessageId: "sim-4", state: "sent", rawStatus: "ENROUTE" },
      { kind: "raw", providerMessageId: "sim-5", rawStatus: "QUEUED_AT_SMSC" },
    ]);
  });

  it("answers 400 to a body that is not a simulator report, and 404 to kinds it never posts", () => {
    for (const body of ["not json", "{}", '{"reports":[{"id":""}]}']) {
      expect(parseSimulatorReport("report", post(body))).toMatchObject({ items: [], reply: { status: 400 } });
    }
    expect(parseSimulatorReport("batch-callback", post('{"reports":[]}'))).toMatchObject({ items: [], reply: { status: 404 } });
  });
});

describe("parseSimulatorInbound", () => {
  it("reads one inbound message", () => {
    const parsed = parseSimulatorInbound(post(JSON.stringify({ id: "sim-in-1", from: "+31612345678", to: "ACME", text: "STOP", receivedAt: "2030-01-01T10:00:00Z" })));
    expect(parsed.items).toEqual([{ providerMessageId: "sim-in-1", from: "+31612345678", to: "ACME", text: "STOP", receivedAt: new Date("2030-01-01T10:00:00Z") }]);
    expect(parsed.reply.status).toBe(200);
  });

  it("refuses a sender that is not E.164", () => {
    expect(parseSimulatorInbound(post(JSON.stringify({ id: "x", from: "0612345678", to: "ACME", text: "hi" })))).toMatchObject({ items: [], reply: { status: 400 } });
  });
});
