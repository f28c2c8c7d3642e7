/**
 * One Masiv `sendmessage` request per message, and the reading of its reply into our outcome.
 */
import type { OutgoingMessage, SendOutcome } from "../types";
import { validateSenderId } from "../../sms/sender-id";
import { InvalidE164Error, toVendorNumber } from "../../sms/vendor-number";
import { httpRequest } from "../shared/http";
import { outcomeForFailure, outcomeForHttpStatus } from "../shared/transport-outcome";
import { toWallClock } from "../shared/wall-clock";
import { preview } from "../shared/xml-reply";
import { describeMasivError, MASIV_ACCEPTED_STATUS, MASIV_PLATFORM_ERROR } from "./codes";
import { parseSendReply, type AcceptReport } from "./replies";
import { MASIV_LIMITS, masivEndpoints, type MasivSettings } from "./settings";

export interface MasivSendContext {
  settings: MasivSettings;
  /** `sendhandler.ashx?action=sendmessage&username=…&password=…`, built once per adapter. */
  sendPrefix: string;
  sender?: string;
  scheduleAt?: Date;
  signal?: AbortSignal;
}

/** Sends one message; resolves with its outcome and never rejects. */
export async function sendMasivMessage(context: MasivSendContext, message: OutgoingMessage): Promise<SendOutcome> {
  const built = buildMasivSendUrl(context, message);
  if (built.kind === "rejected") return built;
  const response = await httpRequest({
    method: "GET",
    url: built.url,
    timeoutMs: context.settings.timeoutMs,
    signal: context.signal,
  });
  if (response.kind !== "response") return outcomeForFailure(message.attemptId, response);
  if (response.status !== 200) {
    return outcomeForHttpStatus(message.attemptId, response.status, response.headers, preview(response.body));
  }
  return outcomeFromSendReply(message.attemptId, response.body, context.settings.options.platformErrorOutcome);
}

/** The request URL, or the reason we refuse to send (a refusal the gateway would make anyway). */
export function buildMasivSendUrl(context: MasivSendContext, message: OutgoingMessage): { kind: "url"; url: string } | Extract<SendOutcome, { kind: "rejected" }> {
  const { settings } = context;
  let recipient: string;
  try {
    recipient = toVendorNumber("masiv", message.to);
  } catch (error) {
    if (error instanceof InvalidE164Error) return rejected(message, "invalid-recipient", error.message);
    throw error;
  }
  const sender = context.sender || settings.defaultSender || undefined;
  const senderCheck = validateSenderId("masiv", sender ?? "");
  if (!senderCheck.ok) return rejected(message, "invalid-sender", senderCheck.message);
  // Masiv counts characters as .NET does (UTF-16 code units), in blocks of 160.
  const long = message.text.length > MASIV_LIMITS.singleMessageChars;
  if (long && !settings.options.longMessages) {
    return rejected(
      message,
      "too-long",
      `${message.text.length} characters; this account sends at most ${MASIV_LIMITS.singleMessageChars} (long messages are not enabled)`,
    );
  }
  let text: string;
  try {
    text = encodeURIComponent(message.text);
  } catch {
    // encodeURIComponent's only failure: a lone surrogate, which no gateway can encode as UTF-8
    return rejected(message, "invalid-text", "the text contains a broken Unicode character (lone surrogate)");
  }
  let url = `${context.sendPrefix}&recipient=${recipient}&messagedata=${text}&longMessage=${long}`;
  if (sender !== undefined) url += `&originator=${encodeURIComponent(sender)}`;
  if (context.scheduleAt) url += `&sendondate=${encodeURIComponent(formatSendOnDate(context.scheduleAt, settings.options.scheduleTimeZone))}`;
  return { kind: "url", url };
}

// Not a closure inside buildMasivSendUrl: that would be a new function per message (and, under tsx, a
// `__name` call renaming it each time); this gateway's throughput is bounded by per-message CPU.
function rejected(message: OutgoingMessage, code: string, reason: string): Extract<SendOutcome, { kind: "rejected" }> {
  return { kind: "rejected", attemptId: message.attemptId, code, reason };
}

/** The fixed start of every sendmessage URL of an account. */
export function masivSendPrefix(settings: MasivSettings): string {
  const { send } = masivEndpoints(settings);
  const { username, password } = settings.credentials;
  return `${send}?action=sendmessage&username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}`;
}

/** `MM/DD/YYYY hh:mm:ss` (24-hour) in the account's schedule time zone. */
export function formatSendOnDate(at: Date, timeZone: string): string {
  const c = toWallClock(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(c.month)}/${two(c.day)}/${c.year} ${two(c.hour)}:${two(c.minute)}:${two(c.second)}`;
}

/**
 * A 200 reply's outcome. A long message comes back as one `acceptreport` per part: the message is accepted
 * when its parts are; its id is the first accepted part's, and every part id is kept in `raw`.
 */
export function outcomeFromSendReply(attemptId: string, body: string, platformErrorOutcome: "unknown" | "rejected"): SendOutcome {
  const reply = parseSendReply(body);
  if (reply.kind === "malformed") return { kind: "unknown", attemptId, reason: `unreadable Masiv reply: ${reply.reason}` };
  if (reply.kind === "error") {
    const error = describeMasivError(reply.code, reply.message);
    const outcome = reply.code === MASIV_PLATFORM_ERROR ? platformErrorOutcome : error.outcome;
    const reason = reply.message || error.message;
    if (outcome === "unknown") return { kind: "unknown", attemptId, reason: `Masiv error ${reply.code}: ${reason}` };
    return { kind: "rejected", attemptId, code: reply.code, reason };
  }
  const accepted = reply.parts.filter((part) => part.statusCode === MASIV_ACCEPTED_STATUS);
  if (accepted.length === 0) {
    const first = reply.parts[0];
    return { kind: "rejected", attemptId, code: first.statusCode, reason: first.statusMessage || describeMasivError(first.statusCode, undefined).message };
  }
  return { kind: "accepted", attemptId, providerMessageId: accepted[0].messageId, raw: describeParts(reply.parts) };
}

/** `raw` for an accepted message: every part's id, and any part the gateway refused. */
function describeParts(parts: AcceptReport[]): string {
  const partIds: (string | null)[] = [];
  const refusedParts: { code: string; message: string }[] = [];
  for (const part of parts) {
    if (part.statusCode === MASIV_ACCEPTED_STATUS) partIds.push(part.messageId ?? null);
    else refusedParts.push({ code: part.statusCode, message: part.statusMessage });
  }
  return JSON.stringify(refusedParts.length > 0 ? { partIds, refusedParts } : { partIds });
}
