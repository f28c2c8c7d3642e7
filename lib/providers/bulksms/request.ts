/**
 * Turns messages into gateway requests. One GET carries one text to many destinations (comma-separated), so
 * messages are grouped by text and coding, then split so that no request exceeds the batch size or the URL
 * length, and no destination appears twice in one request (its reply tuple could not be told apart).
 */
import type { Encoding, OutgoingMessage } from "../types";
import { toVendorNumber } from "../../sms/vendor-number";
import type { ScheduleValues } from "./schedule";

/** `type` values of the document: 0 plain text (GSM 03.38), 2 Unicode. */
export const MESSAGE_TYPE: Record<Encoding, string> = { GSM7: "0", UCS2: "2" };

/** What every request of one `send` call shares. */
export interface RequestContext {
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** `sendPath`, or `schedulePath` when scheduling. */
  path: string;
  username: string;
  password: string;
  dlr: "0" | "1";
  source: string;
  schedule?: { names: ScheduleValues; values: ScheduleValues };
  batchSize: number;
  maxUrlLength: number;
}

/** A message inside a request: its place in the `send` call and the digits the reply will echo. */
export interface RequestMember {
  index: number;
  digits: string;
}

export interface PlannedRequest {
  url: string;
  members: RequestMember[];
}

/** A message refused before any request: its place in the `send` call and why. */
export interface LocalRefusal {
  index: number;
  code: string;
  reason: string;
}

interface Group {
  prefix: string;
  suffix: string;
  chunks: { members: RequestMember[]; seen: Set<string>; length: number }[];
}

/** UCS-2 as the gateway wants it: UTF-16BE, 4 uppercase hex digits per code unit (surrogate pairs kept). */
export function ucs2Hex(text: string): string {
  return Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();
}

/** Plans the requests for `messages`; every message ends up in exactly one request or one refusal. */
export function planRequests(messages: readonly OutgoingMessage[], context: RequestContext): { requests: PlannedRequest[]; refused: LocalRefusal[] } {
  const groups = new Map<string, Group | null>(); // null: a text that cannot be encoded
  const refused: LocalRefusal[] = [];
  const head =
    `${context.baseUrl}${context.path}?username=${encodeURIComponent(context.username)}` +
    `&password=${encodeURIComponent(context.password)}`;
  const tail = `&source=${encodeURIComponent(context.source)}`;
  const scheduleQuery = context.schedule ? scheduleParameters(context.schedule) : "";

  messages.forEach((message, index) => {
    const digits = gatewayNumber(message.to);
    if (typeof digits !== "string") return void refused.push({ index, code: "invalid-destination", reason: digits.reason });
    const type = MESSAGE_TYPE[message.encoding];
    // Keyed by the raw text: the text is encoded once per group, not once per message.
    const key = `${type}\n${message.text}`;
    let group = groups.get(key);
    if (group === undefined) {
      const text = encodeText(message);
      group = text === undefined ? null : { prefix: `${head}&type=${type}&dlr=${context.dlr}&destination=`, suffix: `${tail}&message=${text}${scheduleQuery}`, chunks: [] };
      groups.set(key, group);
    }
    if (group === null) return void refused.push({ index, code: "invalid-text", reason: "the text holds an unpaired surrogate" });
    addToGroup(group, { index, digits }, context);
  });

  const requests: PlannedRequest[] = [];
  for (const group of groups.values()) {
    if (group === null) continue;
    for (const chunk of group.chunks) {
      requests.push({ url: group.prefix + chunk.members.map((m) => m.digits).join("%2C") + group.suffix, members: chunk.members });
    }
  }
  return { requests, refused };
}

function addToGroup(group: Group, member: RequestMember, context: RequestContext): void {
  const fixedLength = group.prefix.length + group.suffix.length;
  for (let i = group.chunks.length - 1; i >= 0; i--) {
    const chunk = group.chunks[i];
    const length = chunk.length + 3 + member.digits.length; // "%2C" + digits
    if (chunk.members.length >= context.batchSize || chunk.seen.has(member.digits) || fixedLength + length > context.maxUrlLength) continue;
    chunk.members.push(member);
    chunk.seen.add(member.digits);
    chunk.length = length;
    return;
  }
  // A new chunk always takes its first destination, even when the text alone is longer than the limit:
  // the gateway, not us, decides whether it accepts that URL.
  group.chunks.push({ members: [member], seen: new Set([member.digits]), length: member.digits.length });
}

/**
 * E.164 `+31612345678` → `31612345678` (the document accepts either; digits are what replies echo, and a
 * number that is not E.164 could carry a comma into the destination list).
 */
function gatewayNumber(e164: string): string | { reason: string } {
  try {
    return toVendorNumber("bulksms", e164);
  } catch (error) {
    // InvalidE164Error: a number that should have been normalised upstream; refuse this message only
    return { reason: (error as Error).message };
  }
}

/** The `message` parameter, URL-encoded; `undefined` when the text cannot be written as UTF-8. */
function encodeText(message: OutgoingMessage): string | undefined {
  if (message.encoding === "UCS2") return ucs2Hex(message.text);
  try {
    return encodeURIComponent(message.text);
  } catch {
    // URIError is encodeURIComponent's only failure: a lone surrogate, which has no UTF-8 form
    return undefined;
  }
}

function scheduleParameters({ names, values }: NonNullable<RequestContext["schedule"]>): string {
  return (
    `&${names.date}=${encodeURIComponent(values.date)}` +
    `&${names.time}=${encodeURIComponent(values.time)}` +
    `&${names.gmt}=${encodeURIComponent(values.gmt)}`
  );
}
