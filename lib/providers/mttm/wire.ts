/**
 * MTTM (Jasmin) requests as they travel. Only parameters Jasmin knows are ever written: its `/send`
 * refuses any other with 400 `Argument [x] is unknown.`, and inside a batch that refusal only surfaces as
 * an errback per recipient, long after the batch was "accepted".
 */
import { InvalidE164Error, toVendorNumber } from "@/lib/sms/vendor-number";
import type { OutgoingMessage } from "../types";

export const SEND_PATH = "/secure/send";
export const BATCH_PATH = "/secure/sendbatch";
export const HTTP_SEND_PATH = "/send";
export const PING_PATH = "/ping";

/**
 * Most destinations we put in one `/secure/sendbatch` request. Jasmin documents no limit (each recipient
 * becomes a background task); this keeps request bodies around 100 kB.
 */
export const MAX_BATCH_DESTINATIONS = 1000;

/** Jasmin's `to` pattern is `^\+?\d+$`; we send E.164 digits without the `+`, as the document does. */
export function jasminNumber(e164: string): string | undefined {
  try {
    return toVendorNumber("mttm", e164);
  } catch (error) {
    // a number that is not E.164 is refused for this message alone; anything else is a bug
    if (error instanceof InvalidE164Error) return undefined;
    throw error;
  }
}

/** A number Jasmin echoes back (batch callback `to`) as E.164. */
export function fromJasminNumber(value: string): string {
  const digits = value.trim().replace(/^\+/, "");
  return `+${digits}`;
}

/** UTF-16BE hex, lowercase, four digits per code unit (emoji as surrogate pairs: 🤣 → `d83edd23`). */
export function utf16beHex(text: string): string {
  let hex = "";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return hex;
}

/**
 * The content parameters of one message: GSM text as `content` (Jasmin's default coding 0), Unicode as
 * `coding: 8` + `hex_content`, because with coding 0 Jasmin turns every non-GSM character into `?`.
 */
export function contentParams(message: Pick<OutgoingMessage, "text" | "encoding">): Record<string, string | number> {
  return message.encoding === "UCS2" ? { coding: 8, hex_content: utf16beHex(message.text) } : { content: message.text };
}

/** Delivery-report parameters, in the document's example order; `dlr-level` only when not Jasmin's default 1. */
export interface DlrRequest {
  url: string;
  level: 1 | 2 | 3;
  method?: "GET" | "POST";
}

function dlrParams(dlr: DlrRequest | undefined): Record<string, string | number> {
  if (!dlr) return {};
  const params: Record<string, string | number> = {};
  if (dlr.level !== 1) params["dlr-level"] = dlr.level;
  params.dlr = "yes";
  params["dlr-url"] = dlr.url;
  if (dlr.method) params["dlr-method"] = dlr.method;
  return params;
}

/** The settings every message of one request shares. */
export interface CommonParams {
  from?: string;
  dlr?: DlrRequest;
}

/** `POST /secure/send` body (username and password travel in the Authorization header). */
export function singleSendBody(message: OutgoingMessage, to: string, common: CommonParams): string {
  const body: Record<string, string | number> = { to };
  if (common.from !== undefined) body.from = common.from;
  Object.assign(body, contentParams(message), dlrParams(common.dlr));
  return JSON.stringify(body);
}

/** One member of a batch: a message with the destination Jasmin will see. */
export interface BatchMember {
  message: OutgoingMessage;
  to: string;
}

export interface BatchConfig {
  callbackUrl: string;
  errbackUrl: string;
  /** `"86400s"` or `"2019-12-31 23:59:00"`; absent: send now. */
  scheduleAt?: string;
}

/**
 * `POST /secure/sendbatch` body: the shared sender and report settings in `globals`, callbacks always set
 * (the per-recipient message ids arrive only through them), and one `messages` entry per distinct text with
 * all its destinations in `to`.
 */
export function batchBody(members: readonly BatchMember[], common: CommonParams, config: BatchConfig): string {
  const groups = new Map<string, { to: string[]; params: Record<string, string | number> }>();
  for (const { message, to } of members) {
    const key = `${message.encoding}:${message.text}`;
    let group = groups.get(key);
    if (!group) {
      group = { to: [], params: contentParams(message) };
      groups.set(key, group);
    }
    group.to.push(to);
  }
  const globals: Record<string, string | number> = {};
  if (common.from !== undefined) globals.from = common.from;
  Object.assign(globals, dlrParams(common.dlr));
  const batchConfig: Record<string, string> = { callback_url: config.callbackUrl, errback_url: config.errbackUrl };
  if (config.scheduleAt !== undefined) batchConfig.schedule_at = config.scheduleAt;
  const body: Record<string, unknown> = {};
  if (Object.keys(globals).length > 0) body.globals = globals;
  body.batch_config = batchConfig;
  body.messages = [...groups.values()].map((g) => ({ to: g.to, ...g.params }));
  return JSON.stringify(body);
}

/** `GET /send` query string: the HTTP API takes the credentials as parameters and `hex-content` hyphenated. */
export function httpSendQuery(
  message: OutgoingMessage,
  to: string,
  common: CommonParams,
  credentials: { username: string; password: string },
): string {
  const query = new URLSearchParams({ username: credentials.username, password: credentials.password, to });
  if (common.from !== undefined) query.set("from", common.from);
  for (const [key, value] of Object.entries(contentParams(message))) query.set(key.replace("_", "-"), String(value));
  for (const [key, value] of Object.entries(dlrParams(common.dlr))) query.set(key, String(value));
  return query.toString();
}
