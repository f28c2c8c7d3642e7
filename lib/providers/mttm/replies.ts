/**
 * Reads MTTM (Jasmin) replies defensively. A reply is believed only when it has exactly the documented
 * shape: a 200 whose body we cannot read proves nothing and must never become a false acceptance.
 *
 * Shapes: the HTTP API answers `Success "<id>"` / `Error "<text>"`; the REST API wraps them as
 * `{"data": "Success \"<id>\""}` / `{"message": "Error \"<text>"}` (Jasmin strips only the trailing quote,
 * the MTTM document shows it kept: both are read), answers batches with
 * `{"data": {"batchId": "<id>", "messageCount": n}}`, and its own (Falcon) errors as `{"title", "description"}`.
 */

/** Jasmin message and batch ids are UUIDs; anything id-like but bounded is accepted. */
export const JASMIN_ID = /^[0-9A-Za-z][0-9A-Za-z-]{0,99}$/;

const SUCCESS = /^Success "([^"]*)"?$/;
const ERROR = /^Error "([\s\S]*?)"?$/;

/** The message id in `Success "<id>"` (with or without the closing quote), if that is what `text` is. */
export function readSuccessText(text: string): string | undefined {
  const match = SUCCESS.exec(text.trim());
  return match && JASMIN_ID.test(match[1]) ? match[1] : undefined;
}

/** The text inside `Error "<text>"`, or the whole (shortened) text when it has another shape. */
export function unwrapErrorText(text: string): string {
  const trimmed = text.trim();
  const match = ERROR.exec(trimmed);
  return shorten(match ? match[1] : trimmed);
}

export type SingleReply = { ok: true; id: string } | { ok: false; reason: string };

/** A 200 reply of the HTTP API's `/send`. */
export function readHttpSendReply(body: string): SingleReply {
  const id = readSuccessText(body);
  return id ? { ok: true, id } : { ok: false, reason: `reply not understood: ${shorten(body)}` };
}

/** A 200 reply of the REST API's `/secure/send`. */
export function readRestSendReply(body: string): SingleReply {
  const json = parseJson(body);
  const data = isObject(json) ? json.data : undefined;
  const id = typeof data === "string" ? readSuccessText(data) : undefined;
  return id ? { ok: true, id } : { ok: false, reason: `reply not understood: ${shorten(body)}` };
}

export type BatchReply = { ok: true; batchId: string; messageCount: number } | { ok: false; reason: string };

/** A 200 reply of `/secure/sendbatch` (`scheduled` may be present for scheduled batches; it is not needed). */
export function readBatchReply(body: string): BatchReply {
  const json = parseJson(body);
  const data = isObject(json) ? json.data : undefined;
  if (isObject(data)) {
    const { batchId, messageCount } = data;
    if (typeof batchId === "string" && JASMIN_ID.test(batchId) && Number.isSafeInteger(messageCount) && (messageCount as number) >= 0) {
      return { ok: true, batchId, messageCount: messageCount as number };
    }
  }
  return { ok: false, reason: `reply not understood: ${shorten(body)}` };
}

/** The vendor's text of a non-200 reply from either API, for the error table and for people. */
export function readErrorText(body: string): string {
  const json = parseJson(body);
  if (isObject(json)) {
    if (typeof json.message === "string") return unwrapErrorText(json.message);
    const parts = [json.title, json.description].filter((p): p is string => typeof p === "string");
    if (parts.length > 0) return shorten(parts.join(": "));
  }
  return unwrapErrorText(body);
}

const NOT_JSON = Symbol("not JSON");

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // a reply that is not JSON is answered by the caller's "not understood" path
    return NOT_JSON;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Vendor text kept in outcomes and logs stays short: a hostile reply may be megabytes of HTML. */
export function shorten(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || "(empty)";
}
