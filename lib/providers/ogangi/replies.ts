/**
 * OGANGI's XML replies, read into plain values (pure). Every reply has a static part (`input`, `status`,
 * `description`) and a method-specific `result`. The document shows the elements with no root element; a
 * reply wrapped in one root is read the same way.
 */
import { child, children, firstChild, parseXmlReply, text } from "../shared/xml-reply";
import { fromWallClock } from "../shared/wall-clock";

export interface OgangiReply {
  kind: "reply";
  input: string;
  /** OK | BAD_SIGNATURE | ERROR (anything else is passed on as is). */
  status: string;
  description: string;
  result?: Record<string, unknown>;
}

export type Malformed = { kind: "malformed"; reason: string };

/** The generic `<message>` object (sendSMS's `result.messages.message`, getMessage's `result.message`). */
export interface OgangiMessage {
  /** A signed 64-bit integer (or a UUID for other channels): always kept as a string. */
  id?: string;
  status?: string;
  statusDescription?: string;
  to?: string;
  /** As written (`yyyy-MM-dd'T'HH:mm:ss.SSSZZ`); see `parseOgangiDate`. */
  date?: string;
}

/** One inbound message of getMOMessages (it has no id of its own). */
export interface MoRecord {
  text: string;
  from: string;
  to: string;
  keyword?: string;
  carrier?: string;
  /** As written by the gateway; see `parseOgangiDate`. */
  sendDate?: string;
}

// Made once: a reply is read for every message sent.
const XML_OPTIONS = { rootless: true, arrayTags: ["message", "MOMessage"] } as const;

/** Reads the static part and keeps `result` for the method-specific readers below. */
export function parseOgangiReply(body: string): OgangiReply | Malformed {
  const xml = parseXmlReply(body, XML_OPTIONS);
  if (!xml.ok) return { kind: "malformed", reason: xml.reason };
  let node: Record<string, unknown> = xml.value;
  // A single root element wrapping the static part (the document shows none; accept both).
  if (typeof node.status !== "string") {
    const keys = Object.keys(node);
    if (keys.length === 1 && child(node, keys[0])) node = child(node, keys[0])!;
  }
  const status = text(node, "status");
  if (!status) return { kind: "malformed", reason: "no <status> in the reply" };
  return {
    kind: "reply",
    input: text(node, "input") ?? "",
    status: status.trim(),
    description: text(node, "description") ?? "",
    result: child(node, "result"),
  };
}

/** The first `<message>` of a result (`result.messages.message` or `result.message`). */
export function firstMessage(result: Record<string, unknown> | undefined): OgangiMessage | undefined {
  const message = firstChild(child(result, "messages"), "message") ?? firstChild(result, "message");
  if (!message) return undefined;
  return {
    id: text(message, "id") || undefined,
    status: text(message, "status") || undefined,
    statusDescription: text(message, "statusDescription") || undefined,
    to: text(message, "to") || undefined,
    date: text(message, "date") || undefined,
  };
}

/** getMOMessages' `MOMessageList`: the total count and this page's messages. */
export function readMoList(result: Record<string, unknown> | undefined): { records: number; messages: MoRecord[] } | Malformed {
  const list = child(result, "MOMessageList");
  const records = text(list, "records");
  if (!list || records === undefined || !/^\d+$/.test(records)) return { kind: "malformed", reason: "no MOMessageList with a numeric records count" };
  const messages: MoRecord[] = [];
  for (const item of children(list, "MOMessage")) {
    const from = text(item, "from");
    const to = text(item, "to");
    if (!from || !to) return { kind: "malformed", reason: "an MOMessage without from or to" };
    messages.push({
      text: text(item, "text") ?? "",
      from,
      to,
      keyword: text(item, "keyword") || undefined,
      carrier: text(item, "carrier") || undefined,
      sendDate: text(item, "sendDate") || undefined,
    });
  }
  return { records: Number(records), messages };
}

/**
 * `yyyy-MM-dd'T'HH:mm:ss.SSSZZ` (the documented pattern, with an offset) or `yyyy-MM-dd HH:mm:ss.SSS` (the
 * getMOMessages example, no offset: read in `bareTimeZone`). Undefined when unreadable.
 */
export function parseOgangiDate(value: string, bareTimeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const millisecond = fraction ? Number(fraction.padEnd(3, "0")) : 0;
  if (zone) {
    const offset = zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${String(millisecond).padStart(3, "0")}${offset}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const clock = { year: +year, month: +month, day: +day, hour: +hour, minute: +minute, second: +second, millisecond };
  return fromWallClock(clock, bareTimeZone);
}
