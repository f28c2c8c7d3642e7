/**
 * Masiv's XML replies, read into plain values (pure). Both handlers answer
 * `<response><action>…</action><data>…</data></response>`; `action` is `error` for a refusal.
 */
import { child, children, parseXmlReply, text } from "../shared/xml-reply";

/** One `<acceptreport>`: one per part of a long message. */
export interface AcceptReport {
  statusCode: string;
  statusMessage: string;
  messageId?: string;
  recipient?: string;
}

export type MasivError = { kind: "error"; code: string; message: string };
export type Malformed = { kind: "malformed"; reason: string };

export type SendReply = { kind: "accepted"; parts: AcceptReport[] } | MasivError | Malformed;

export type MessageReply = { kind: "message"; messageId: string; status: string; date?: Date } | MasivError | Malformed;

/** Reads a `sendmessage` reply. */
export function parseSendReply(body: string): SendReply {
  const response = readResponse(body);
  if (response.kind !== "response") return response;
  if (response.action.toLowerCase() !== "sendmessage") return unexpectedAction(response.action, "sendmessage");
  const parts: AcceptReport[] = [];
  for (const report of children(response.data, "acceptreport")) {
    const statusCode = text(report, "statuscode");
    if (statusCode === undefined || !/^\d+$/.test(statusCode)) {
      return { kind: "malformed", reason: `acceptreport without a numeric statuscode (${String(statusCode)})` };
    }
    parts.push({
      statusCode,
      statusMessage: text(report, "statusmessage") ?? "",
      messageId: text(report, "messageid") || undefined,
      recipient: text(report, "recipient") || undefined,
    });
  }
  if (parts.length === 0) return { kind: "malformed", reason: "sendmessage reply without any acceptreport" };
  return { kind: "accepted", parts };
}

/** Reads a `getMessage` reply; `date` is UTC (`MM/DD/YYYY hh:mm:ss`). */
export function parseMessageReply(body: string): MessageReply {
  const response = readResponse(body);
  if (response.kind !== "response") return response;
  if (response.action.toLowerCase() !== "getmessage") return unexpectedAction(response.action, "getMessage");
  const messageId = text(response.data, "messageid");
  const status = text(response.data, "status");
  if (!messageId || status === undefined || !/^\d+$/.test(status)) {
    return { kind: "malformed", reason: `getMessage reply without messageid or numeric status` };
  }
  const rawDate = text(response.data, "date");
  return { kind: "message", messageId, status, date: rawDate ? parseMasivDate(rawDate) : undefined };
}

/** `MM/DD/YYYY hh:mm:ss` read as UTC, as the document states for getMessage; undefined if unreadable. */
export function parseMasivDate(value: string): Date | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, month, day, year, hour, minute, second] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

type Response = { kind: "response"; action: string; data: Record<string, unknown> | undefined };

function readResponse(body: string): Response | MasivError | Malformed {
  const xml = parseXmlReply(body, { arrayTags: ["acceptreport"] });
  if (!xml.ok) return { kind: "malformed", reason: xml.reason };
  const response = child(xml.value, "response");
  const action = text(response, "action");
  if (!response || action === undefined) return { kind: "malformed", reason: "no <response><action> in the reply" };
  const data = child(response, "data");
  if (action.toLowerCase() !== "error") return { kind: "response", action, data };
  const code = text(data, "errorcode");
  if (!code || !/^\d+$/.test(code)) return { kind: "malformed", reason: `error reply without a numeric errorcode (${String(code)})` };
  return { kind: "error", code, message: text(data, "errormessage") ?? "" };
}

function unexpectedAction(action: string, expected: string): Malformed {
  return { kind: "malformed", reason: `reply for action "${action}" where "${expected}" was expected` };
}
