/**
 * The heart of the fake MTTM gateway: Jasmin's `/send` (jasmin/protocols/http/endpoints/send.py) as both
 * APIs use it. The REST API's `/secure/send` and every member of a `/secure/sendbatch` go through this same
 * function, as they do in Jasmin. Strict: any parameter NOTES.md does not list is refused, with Jasmin's
 * words.
 */
import { randomUUID } from "node:crypto";

/** A message the fake accepted, decoded so tests can read it. */
export interface MttmFakeMessage {
  id: string;
  /** As received (digits, optionally with `+`). */
  to: string;
  from?: string;
  coding: number;
  /** Decoded text (`hex-content` with coding 8 read as UTF-16BE). */
  text: string;
  /** SMS parts Jasmin would send, after truncation. */
  parts: number;
  /** Jasmin silently dropped parts past `maxParts`. */
  truncated: boolean;
  dlr?: { url: string; level: 1 | 2 | 3; method: "GET" | "POST" };
  via: "rest-send" | "rest-batch" | "http-send";
  batchId?: string;
  /** Seconds until a scheduled batch is sent. */
  scheduleSeconds?: number;
}

/** An error Jasmin answers `/send` with: the HTTP status and the text inside `Error "…"`. */
export interface MttmError {
  status: number;
  text: string;
}

/** The documented refusals, as a test forces them. */
export const MTTM_ERRORS = {
  throughput: { status: 403, text: "User throughput exceeded" },
  authentication: { status: 403, text: "Authentication failure for username:_" },
  authorization: { status: 403, text: "Authorization failed for username:_" },
  charging: { status: 403, text: "Cannot charge submit_sm, check RouterPB log file for details" },
  noRoute: { status: 412, text: "No route found" },
  submitFailed: { status: 500, text: "Cannot send submit_sm, check SMPPClientManagerPB log file for details" },
  notReady: { status: 503, text: "InterceptorPB not connected !" },
  credentials: { status: 400, text: "Authorization failed for user [_] (Setting dlr level not authorized)." },
} satisfies Record<string, MttmError>;

export type SendResult = { ok: true; message: MttmFakeMessage } | { ok: false; error: MttmError };

/** What the core needs from the fake around it. */
export interface CoreContext {
  username: string;
  password: string;
  maxParts: number;
  /** A forced error for this destination, consumed if it is. */
  takeForcedError(to: string): MttmError | undefined;
}

type Field = { optional: boolean; pattern?: RegExp };

/** NOTES.md's list of `/send` parameters with Jasmin's patterns (credentials: the document's 30 characters). */
const FIELDS: Record<string, Field> = {
  to: { optional: false, pattern: /^\+?\d+$/ },
  from: { optional: true },
  coding: { optional: true, pattern: /^(0|1|2|3|4|5|6|7|8|9|10|13|14)$/ },
  username: { optional: false, pattern: /^.{1,30}$/ },
  password: { optional: false, pattern: /^.{1,30}$/ },
  priority: { optional: true, pattern: /^[0-3]$/ },
  "validity-period": { optional: true, pattern: /^\d+$/ },
  dlr: { optional: false, pattern: /^(yes|no)$/ },
  "dlr-url": { optional: true, pattern: /^(http|https):\/\/.*$/ },
  "dlr-level": { optional: true, pattern: /^[1-3]$/ },
  "dlr-method": { optional: true, pattern: /^(get|post)$/i },
  content: { optional: true },
  "hex-content": { optional: true },
};

const refuse = (status: number, text: string): SendResult => ({ ok: false, error: { status, text } });

/**
 * Runs one `/send` with string arguments (REST values already stringified, keys already `_`→`-`).
 * Validation order and texts follow Jasmin: defaults, unknown arguments, patterns, content, then
 * authentication, routing (forced errors) and the submit.
 */
export function jasminSend(input: Record<string, string>, via: MttmFakeMessage["via"], ctx: CoreContext): SendResult {
  const args = { ...input };
  if (Object.keys(args).length === 0) return refuse(400, "Mandatory arguments not found, please refer to the HTTPAPI specifications.");
  args.coding ??= "0";
  if (args["dlr-url"] !== undefined || args["dlr-level"] !== undefined) args.dlr = "yes";
  args.dlr ??= "no";
  if (args.dlr === "yes") {
    args["dlr-level"] ??= "1";
    args["dlr-method"] ??= "POST";
  }
  for (const [name, value] of Object.entries(args)) {
    const field = FIELDS[name];
    if (!field) return refuse(400, `Argument [${name}] is unknown.`);
    if (field.pattern && !field.pattern.test(value)) return refuse(400, `Argument [${name}] has an invalid value: [${value}].`);
  }
  for (const [name, field] of Object.entries(FIELDS)) {
    if (!field.optional && args[name] === undefined) return refuse(400, `Mandatory argument [${name}] is not found.`);
  }
  const hasContent = input.content !== undefined;
  const hasHex = input["hex-content"] !== undefined;
  if (!hasContent && !hasHex) return refuse(400, "content or hex-content not present.");
  if (hasContent && hasHex) return refuse(400, "content and hex-content cannot be used both in same request.");
  if (args.username !== ctx.username || args.password !== ctx.password) {
    return refuse(403, `Authentication failure for username:${args.username}`);
  }
  const forced = ctx.takeForcedError(args.to);
  if (forced) return { ok: false, error: forced };
  const coding = Number(args.coding);
  let bytes: Buffer;
  if (hasHex) {
    if (!/^([0-9a-fA-F]{2})*$/.test(args["hex-content"])) return refuse(500, "Unknown error: Non-hexadecimal digit found");
    bytes = Buffer.from(args["hex-content"], "hex");
  } else bytes = Buffer.from(args.content, "utf8");
  const text = decodeText(bytes, coding, hasHex);
  const wanted = countParts(text, bytes, coding, hasHex);
  const level = Number(args["dlr-level"]) as 1 | 2 | 3;
  const dlrMethod = args["dlr-method"]?.toUpperCase() as "GET" | "POST";
  return {
    ok: true,
    message: {
      id: randomUUID(),
      to: args.to,
      ...(args.from !== undefined && { from: args.from }),
      coding,
      text,
      parts: Math.min(wanted, ctx.maxParts),
      truncated: wanted > ctx.maxParts,
      // Jasmin throws reports only when it knows where (`dlr-url`).
      ...(args.dlr === "yes" && args["dlr-url"] !== undefined && { dlr: { url: args["dlr-url"], level, method: dlrMethod } }),
      via,
    },
  };
}

function decodeText(bytes: Buffer, coding: number, hex: boolean): string {
  if (coding === 8 && hex && bytes.length % 2 === 0) return Buffer.from(bytes).swap16().toString("utf16le");
  if (coding === 8 && !hex) return bytes.toString("utf8");
  return bytes.toString(hex ? "latin1" : "utf8");
}

/** GSM characters that cost two septets (escape + character). */
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

/** Parts Jasmin splits into: 160/153 septets (coding 0), 70/67 UCS-2 units (coding 8), 140/134 bytes else. */
function countParts(text: string, bytes: Buffer, coding: number, hex: boolean): number {
  if (coding === 0) {
    let septets = 0;
    for (const char of text) septets += GSM_EXTENDED.has(char) ? 2 : 1;
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  if (coding === 8) {
    const units = hex ? bytes.length / 2 : text.length;
    return units <= 70 ? 1 : Math.ceil(units / 67);
  }
  return bytes.length <= 140 ? 1 : Math.ceil(bytes.length / 134);
}
