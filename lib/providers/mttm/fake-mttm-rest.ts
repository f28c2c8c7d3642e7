/**
 * The fake's REST API (jasmin/protocols/rest): `/ping`, `/secure/send`, `/secure/sendbatch`, Basic auth,
 * JSON only, keys `_` → `-` before they reach `/send`. A batch is answered at once; each member then goes
 * through `/send` and ends as a callback (success) or errback (failure) — never in the reply.
 */
import { randomUUID } from "node:crypto";
import type { FakeHandler, FakeRequest, FakeResponse } from "../shared/fake-server";
import { fromWallClock } from "../shared/wall-clock";
import { jasminSend, type CoreContext, type MttmError, type MttmFakeMessage } from "./fake-mttm-core";
import type { MttmBatchResult } from "./fake-mttm-notify";

/** What the REST handler needs from the fake around it. */
export interface RestGateway extends CoreContext {
  /** `document`: the MTTM document's forms (401 for any bad credentials, closing quotes kept); `jasmin`: Jasmin's code. */
  replyStyle: "document" | "jasmin";
  timeZone: string;
  accept(message: MttmFakeMessage): void;
  batchDone(results: MttmBatchResult[], accepted: MttmFakeMessage[]): void;
}

const json = (status: number, value: unknown): FakeResponse => ({ status, body: JSON.stringify(value), contentType: "application/json" });
const falcon = (status: number, title: string, description: string) => json(status, { title, description });

type Args = Record<string, string>;

/** The request handler of the REST server. */
export function restHandler(gw: RestGateway): FakeHandler {
  return (req) => {
    const accept = req.headers.accept;
    if (accept && !/application\/json|\*\/\*|application\/\*/.test(accept)) {
      return falcon(415, "Unsupported media type", "This API supports JSON media type only.");
    }
    if (req.path === "/ping") return req.method === "GET" ? json(200, { data: "Jasmin/PONG" }) : falcon(405, "405 Method Not Allowed", "GET only");
    if (req.path !== "/secure/send" && req.path !== "/secure/sendbatch") return falcon(404, "404 Not Found", req.path);
    if (req.method !== "POST") return falcon(405, "405 Method Not Allowed", "POST only");
    const credentials = readBasicAuth(req);
    if (typeof credentials === "string") return falcon(401, credentials, "Please provide a valid Basic auth token");
    const known = credentials.username === gw.username && credentials.password === gw.password;
    if (!known && gw.replyStyle === "document") return falcon(401, "Authentication failed", `Wrong credentials for ${credentials.username}`);
    return req.path === "/secure/send" ? send(gw, req, credentials) : sendBatch(gw, req, credentials, known);
  };
}

function readBasicAuth(req: FakeRequest): { username: string; password: string } | string {
  const header = req.headers.authorization;
  if (!header) return "Authentication required";
  const [scheme, token, extra] = header.split(" ");
  if (scheme !== "Basic" || !token || extra !== undefined) return `Invalid token: ${header}`;
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "Invalid token: no username:password pair";
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function send(gw: RestGateway, req: FakeRequest, credentials: Args): FakeResponse {
  const body = parseJsonObject(req.body);
  if (!body) return falcon(412, "Cannot parse JSON data", `Unparseable JSON data: ${req.body.slice(0, 200)}`);
  const converted = toArgs({ ...body, ...credentials });
  if (!converted.ok) return errorReply(gw, converted.error);
  const result = jasminSend(converted.args, "rest-send", gw);
  if (!result.ok) return errorReply(gw, result.error);
  gw.accept(result.message);
  return json(200, { data: gw.replyStyle === "jasmin" ? `Success "${result.message.id}` : `Success "${result.message.id}"` });
}

/** Jasmin's REST API strips the trailing quote of `Error "…"`; the document's style keeps it. */
function errorReply(gw: RestGateway, error: MttmError): FakeResponse {
  return json(error.status, { message: gw.replyStyle === "jasmin" ? `Error "${error.text}` : `Error "${error.text}"` });
}

const TOP_LEVEL = new Set(["messages", "globals", "batch_config"]);
const BATCH_CONFIG = new Set(["callback_url", "errback_url", "schedule_at"]);

function sendBatch(gw: RestGateway, req: FakeRequest, credentials: Args, known: boolean): FakeResponse {
  if (!known) return falcon(412, "Authentication failed", `Authentication failed for user: ${credentials.username}`);
  const body = parseJsonObject(req.body);
  if (!body) return falcon(412, "Cannot parse JSON data", `Unparseable JSON data: ${req.body.slice(0, 200)}`);
  // Jasmin ignores what it does not read; the fake refuses it, so an adapter never relies on it.
  const unknown = Object.keys(body).find((k) => !TOP_LEVEL.has(k));
  if (unknown) return falcon(400, "Unknown parameter", `${unknown} is not a sendbatch parameter`);
  const globals = body.globals ?? {};
  const config = body.batch_config ?? {};
  if (!isObject(globals) || !isObject(config) || !Array.isArray(body.messages) || !body.messages.every(isObject)) {
    return falcon(400, "Invalid batch", "messages must be a list of objects; globals and batch_config objects");
  }
  const badConfig = Object.entries(config).find(([k, v]) => !BATCH_CONFIG.has(k) || typeof v !== "string");
  if (badConfig) return falcon(400, "Invalid batch_config", `${badConfig[0]} is unknown or not a string`);
  for (const key of ["callback_url", "errback_url"]) {
    if (config[key] !== undefined && !/^https?:\/\/\S+$/.test(config[key] as string)) return falcon(400, "Invalid batch_config", `${key} is not a URL`);
  }
  const countdown = parseScheduleAt(config.schedule_at as string | undefined, gw.timeZone);
  if (typeof countdown === "string") return falcon(412, countdown, `schedule_at: ${String(config.schedule_at)}`);

  const batchId = randomUUID();
  const results: MttmBatchResult[] = [];
  const accepted: MttmFakeMessage[] = [];
  for (const entry of body.messages as Record<string, unknown>[]) {
    const merged = dashKeys({ ...credentials, ...globals, ...entry });
    if (merged.to === undefined || (merged.content === undefined && merged["hex-content"] === undefined)) continue;
    for (const to of Array.isArray(merged.to) ? merged.to : [merged.to]) {
      const converted = toArgs({ ...merged, to });
      const result = converted.ok ? jasminSend(converted.args, "rest-batch", gw) : converted;
      const recipient = String(to);
      if (result.ok) {
        const message = { ...result.message, batchId, ...(countdown > 0 && { scheduleSeconds: countdown }) };
        gw.accept(message);
        accepted.push(message);
        results.push({ batchId, to: recipient, status: 1, statusText: `Success "${message.id}"`, url: config.callback_url as string | undefined, messageId: message.id });
      } else {
        const statusText = `HTTPAPI error: Error "${result.error.text}"`;
        results.push({ batchId, to: recipient, status: 0, statusText, url: config.errback_url as string | undefined });
      }
    }
  }
  gw.batchDone(results, accepted);
  return json(200, { data: { batchId, messageCount: results.length, ...(countdown > 0 && { scheduled: `${countdown}s` }) } });
}

/** Seconds until the batch runs (0: now), or the title of Jasmin's 412. */
function parseScheduleAt(value: string | undefined, timeZone: string): number | string {
  if (value === undefined) return 0;
  const date = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (date) {
    const [year, month, day, hour, minute, second] = date.slice(1).map(Number);
    const at = fromWallClock({ year, month, day, hour, minute, second }, timeZone).getTime();
    if (at < Date.now()) return "Cannot schedule batch in past date";
    return Math.floor((at - Date.now()) / 1000);
  }
  const seconds = /^(\d+)s$/.exec(value);
  return seconds ? Number(seconds[1]) : "Cannot parse scheduled_at value";
}

function dashKeys(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replaceAll("_", "-"), v]));
}

/** JSON values as Jasmin's `/send` sees them through `requests.get(params=…)`: strings and numbers only. */
function toArgs(params: Record<string, unknown>): { ok: true; args: Args } | { ok: false; error: MttmError } {
  const args: Args = {};
  for (const [rawKey, value] of Object.entries(params)) {
    const key = rawKey.replaceAll("_", "-");
    if (typeof value === "string") args[key] = value;
    else if (typeof value === "number" && Number.isFinite(value)) args[key] = String(value);
    else return { ok: false, error: { status: 400, text: `Argument [${key}] has an invalid value: [${JSON.stringify(value)}].` } };
  }
  return { ok: true, args };
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return isObject(value) ? value : undefined;
  } catch {
    // answered as Jasmin does: 412 Cannot parse JSON data
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
