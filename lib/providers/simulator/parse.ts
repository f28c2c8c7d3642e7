/** Pure parsers for what the simulator posts (wire.ts): raw request in, events and the answer out. */
import type { InboundMessage, ParsedWebhook, RawRequest, ReportEvent, ReportedState, WebhookReply } from "../types";
import { simulatorInboundSchema, simulatorReportBodySchema, type SimulatorReport } from "./wire";

const STATES: Record<string, ReportedState> = {
  DELIVERED: "delivered",
  UNDELIVERED: "undelivered",
  FAILED: "failed",
  EXPIRED: "expired",
  ENROUTE: "sent",
};

const json = (status: number, body: unknown): WebhookReply => ({ status, body: JSON.stringify(body), contentType: "application/json" });

function readJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // not JSON: the schema check below reports it as a bad body
    return undefined;
  }
}

function toEvent(report: SimulatorReport): ReportEvent {
  const state = STATES[report.status.toUpperCase()];
  if (!state) return { kind: "raw", providerMessageId: report.id, rawStatus: report.status, errorCode: report.errorCode };
  return {
    kind: "status",
    providerMessageId: report.id,
    state,
    rawStatus: report.status,
    errorCode: report.errorCode,
    errorText: report.errorText,
    occurredAt: report.at ? new Date(report.at) : undefined,
  };
}

/** Parses a delivery-report push. Only the `report` kind carries simulator reports. */
export function parseSimulatorReport(kind: string, request: RawRequest): ParsedWebhook<ReportEvent> {
  if (kind !== "report") return { items: [], reply: json(404, { error: `the simulator posts no ${kind} webhooks` }) };
  const parsed = simulatorReportBodySchema.safeParse(readJson(request.body));
  if (!parsed.success) return { items: [], reply: json(400, { error: "not a simulator delivery report" }) };
  return { items: parsed.data.reports.map(toEvent), reply: json(200, { received: parsed.data.reports.length }) };
}

/** Parses an inbound push: one message a contact sent. */
export function parseSimulatorInbound(request: RawRequest): ParsedWebhook<InboundMessage> {
  const parsed = simulatorInboundSchema.safeParse(readJson(request.body));
  if (!parsed.success) return { items: [], reply: json(400, { error: "not a simulator inbound message" }) };
  const m = parsed.data;
  return {
    items: [{ providerMessageId: m.id, from: m.from, to: m.to, text: m.text, receivedAt: m.receivedAt ? new Date(m.receivedAt) : new Date() }],
    reply: json(200, { received: 1 }),
  };
}
