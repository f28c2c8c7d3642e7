/**
 * Inbound replies by polling `tools/getMOMessages` (paged, filtered, oldest first). The gateway has no
 * "since" filter and MO messages have no id, so the cursor remembers how many messages of the ascending list
 * were consumed and a fingerprint of the last one; each poll checks that fingerprint before trusting the
 * position, and finds its place again if the list changed under it (README.md, "Inbound cursor").
 */
import { createHash } from "node:crypto";
import type { InboundMessage } from "../types";
import { httpRequest } from "../shared/http";
import { preview } from "../shared/xml-reply";
import { parseOgangiDate, parseOgangiReply, readMoList, type MoRecord } from "./replies";
import type { OgangiSettings } from "./settings";
import { ogangiSigner } from "./signing";

/** An inbound poll that could not be completed; the cursor passed in is still the right one to retry with. */
export class InboundPollError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InboundPollError";
  }
}

/** Pages read per call at most, so one call stays short; the returned cursor continues from there. */
const MAX_PAGES_PER_POLL = 10;

interface Cursor {
  /** Messages of the ascending list already consumed. */
  n: number;
  /** Fingerprint of message n-1 (absent when n = 0). */
  k?: string;
}

type Page = { records: number; messages: MoRecord[] };

/** Fetches the messages after `cursor` and the cursor to remember; see the file comment. */
export async function pollOgangiInbound(settings: OgangiSettings, cursor: string | undefined, signal?: AbortSignal): Promise<{ messages: InboundMessage[]; cursor?: string }> {
  const pageSize = settings.options.inboundPageSize;
  const fetchPage = (index: number) => fetchMoPage(settings, index, signal);
  let position = cursor === undefined ? undefined : decodeCursor(cursor);
  if (!position) {
    position = settings.options.inboundStartFrom === "beginning" ? { n: 0 } : await newestPosition(fetchPage, pageSize);
    if (settings.options.inboundStartFrom === "now") return { messages: [], cursor: encodeCursor(position) };
  }
  const received: InboundMessage[] = [];
  let { n, k } = position;
  let pageIndex = n > 0 ? Math.floor((n - 1) / pageSize) : 0;
  let verified = n === 0;
  for (let read = 0; read < MAX_PAGES_PER_POLL; read++) {
    const page = await fetchPage(pageIndex);
    if (!verified) {
      const last = page.messages[n - 1 - pageIndex * pageSize];
      if (page.records < n || !last || fingerprint(last) !== k) {
        // The list changed under the cursor (messages purged or reordered): find the last one again, or
        // start over and let lib/delivery drop the duplicates by providerMessageId.
        const found = k === undefined ? -1 : await findFingerprint(fetchPage, pageSize, k);
        n = found + 1;
        pageIndex = found >= 0 ? Math.floor(found / pageSize) : 0;
        verified = true;
        continue;
      }
      verified = true;
    }
    for (let i = n - pageIndex * pageSize; i < page.messages.length; i++) {
      received.push(toInboundMessage(settings, page.messages[i]));
      n++;
      k = fingerprint(page.messages[i]);
    }
    if (page.messages.length < pageSize || n >= page.records) break;
    pageIndex++;
  }
  return { messages: received, cursor: encodeCursor({ n, k }) };
}

/** The position just after the newest message (two requests at most). */
async function newestPosition(fetchPage: (index: number) => Promise<Page>, pageSize: number): Promise<Cursor> {
  const first = await fetchPage(0);
  if (first.records === 0) return { n: 0 };
  const lastIndex = first.records - 1;
  const lastPageIndex = Math.floor(lastIndex / pageSize);
  const page = lastPageIndex === 0 ? first : await fetchPage(lastPageIndex);
  const last = page.messages[lastIndex - lastPageIndex * pageSize];
  if (!last) throw new InboundPollError(`getMOMessages counts ${first.records} messages but page ${lastPageIndex} lacks the last one`);
  return { n: first.records, k: fingerprint(last) };
}

/** The absolute index of the message with this fingerprint, scanning from the oldest; -1 if gone. */
async function findFingerprint(fetchPage: (index: number) => Promise<Page>, pageSize: number, wanted: string): Promise<number> {
  for (let index = 0; index < MAX_PAGES_PER_POLL; index++) {
    const page = await fetchPage(index);
    const at = page.messages.findIndex((message) => fingerprint(message) === wanted);
    if (at >= 0) return index * pageSize + at;
    if (page.messages.length < pageSize) break;
  }
  return -1;
}

async function fetchMoPage(settings: OgangiSettings, index: number, signal: AbortSignal | undefined): Promise<Page> {
  const { inboundPageSize, inboundFirstPage } = settings.options;
  const url = ogangiSigner(settings).url("tools/getMOMessages", [String(index + inboundFirstPage), String(inboundPageSize), inboundParameters(settings)]);
  const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
  if (response.kind !== "response") throw new InboundPollError(`getMOMessages: ${response.reason}`);
  if (response.status !== 200) throw new InboundPollError(`getMOMessages: HTTP ${response.status}: ${preview(response.body)}`);
  const reply = parseOgangiReply(response.body);
  if (reply.kind === "malformed") throw new InboundPollError(`getMOMessages: unreadable reply: ${reply.reason}`);
  if (reply.status !== "OK") throw new InboundPollError(`getMOMessages refused: ${reply.status} ${reply.description}`);
  const list = readMoList(reply.result);
  if ("kind" in list) throw new InboundPollError(`getMOMessages: ${list.reason}`);
  return list;
}

/**
 * The `{parameters}` segment: the account's filters then `order=asc`, `name=value` pairs joined by `&`,
 * values percent-encoded (the document's example: `from=13056708084&…&keyword=%5EOGANGI.*`).
 */
export function inboundParameters(settings: OgangiSettings): string {
  const filters = settings.options.inboundFilters;
  const pairs = (["carrier", "to", "from", "keyword"] as const)
    .filter((name) => filters[name] !== undefined)
    .map((name) => `${name}=${encodeURIComponent(filters[name]!)}`);
  return [...pairs, "order=asc"].join("&");
}

/** What identifies an MO message that has no id: sender, recipient, time and text. */
export function fingerprint(message: MoRecord): string {
  return createHash("sha256").update(`${message.from}\n${message.to}\n${message.sendDate ?? ""}\n${message.text}`).digest("hex").slice(0, 32);
}

function toInboundMessage(settings: OgangiSettings, message: MoRecord): InboundMessage {
  const subscriberIsFrom = settings.options.inboundSubscriberField === "from";
  const subscriber = subscriberIsFrom ? message.from : message.to;
  const ours = subscriberIsFrom ? message.to : message.from;
  const receivedAt = message.sendDate ? parseOgangiDate(message.sendDate, settings.options.inboundTimeZone) : undefined;
  return {
    providerMessageId: `mo-${fingerprint(message)}`,
    from: /^\d+$/.test(subscriber) ? `+${subscriber}` : subscriber,
    to: ours,
    text: message.text,
    // a message without a readable date is stamped with the moment we fetched it
    receivedAt: receivedAt ?? new Date(),
  };
}

function encodeCursor(cursor: Cursor): string {
  return JSON.stringify(cursor);
}

function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(raw) as Partial<Cursor>;
    if (Number.isInteger(value.n) && value.n! >= 0 && (value.k === undefined || typeof value.k === "string") && (value.n === 0 || value.k)) {
      return { n: value.n!, k: value.k };
    }
  } catch {
    // not JSON: reported below like any other unreadable cursor
  }
  throw new InboundPollError(`unreadable inbound cursor ${JSON.stringify(raw)}; clear it to start again`);
}
