/**
 * One signed OGANGI request per message (`tools/sendSMS` or `sendMT`, per the account's options), and the
 * reading of its reply into our outcome.
 */
import type { OutgoingMessage, SendOutcome } from "../types";
import { validateSenderId } from "../../sms/sender-id";
import { InvalidE164Error, toVendorNumber } from "../../sms/vendor-number";
import { httpRequest } from "../shared/http";
import { outcomeForFailure, outcomeForHttpStatus } from "../shared/transport-outcome";
import { preview } from "../shared/xml-reply";
import { lookupMessageStatus, OGANGI_REPLY_STATUSES } from "./codes";
import { firstMessage, parseOgangiReply } from "./replies";
import type { OgangiSettings } from "./settings";
import { base64UrlPadded, pathSegment, type OgangiSigner } from "./signing";

type Rejected = Extract<SendOutcome, { kind: "rejected" }>;

/** Sends one message; resolves with its outcome and never rejects. */
export async function sendOgangiMessage(
  settings: OgangiSettings,
  signer: OgangiSigner,
  message: OutgoingMessage,
  sender: string | undefined,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  const built = buildOgangiSendUrl(settings, signer, message, sender);
  if (built.kind === "rejected") return built;
  const response = await httpRequest({ method: "GET", url: built.url, timeoutMs: settings.timeoutMs, signal });
  if (response.kind !== "response") return outcomeForFailure(message.attemptId, response);
  if (response.status !== 200) {
    return outcomeForHttpStatus(message.attemptId, response.status, response.headers, preview(response.body));
  }
  return outcomeFromSendReply(message.attemptId, response.body, settings.options.internalErrorOutcome);
}

/** The signed URL for the account's send method, or the reason we refuse to send. */
export function buildOgangiSendUrl(
  settings: OgangiSettings,
  signer: OgangiSigner,
  message: OutgoingMessage,
  sender: string | undefined,
): { kind: "url"; url: string } | Rejected {
  let to: string;
  try {
    to = toVendorNumber("ogangi", message.to);
  } catch (error) {
    if (error instanceof InvalidE164Error) return rejected(message, "invalid-recipient", error.message);
    throw error;
  }
  const from = sender || settings.defaultSender || "";
  const senderCheck = validateSenderId("ogangi", from);
  if (!senderCheck.ok) return rejected(message, "invalid-sender", senderCheck.message);
  // a lone UTF-16 surrogate: Base64 of its UTF-8 would silently turn it into U+FFFD
  if (!message.text.isWellFormed()) return rejected(message, "invalid-text", "the text contains a broken Unicode character (lone surrogate)");
  const { sendMethod, carrier, flags } = settings.options;
  const text = base64UrlPadded(message.text);
  if (sendMethod === "sendSMS") {
    return { kind: "url", url: signer.url("tools/sendSMS", [pathSegment(carrier), pathSegment(from), base64UrlPadded(to), text]) };
  }
  const segments = [pathSegment(from), pathSegment(carrier), to, text];
  if (sendMethod === "sendMTWithFlags") segments.push(pathSegment(flags ?? ""));
  return { kind: "url", url: signer.url("sendMT", segments) };
}

// Not a closure inside buildOgangiSendUrl: that would be a new function per message (and, under tsx, a
// `__name` call renaming it each time).
function rejected(message: OutgoingMessage, code: string, reason: string): Rejected {
  return { kind: "rejected", attemptId: message.attemptId, code, reason };
}

/**
 * A 200 reply's outcome. `OK` accepts the request; the message's own status then decides: a failure status
 * right away (BAD_TO, NOT_SENT, NOT_ENOUGH_FUNDS…) is a rejection, a network status (SENT_TO_CARRIER…) is
 * `accepted` with state `sent`, an unknown status is `accepted` with the status kept in `raw`.
 */
export function outcomeFromSendReply(attemptId: string, body: string, internalErrorOutcome: "unknown" | "rejected"): SendOutcome {
  const reply = parseOgangiReply(body);
  if (reply.kind === "malformed") return { kind: "unknown", attemptId, reason: `unreadable OGANGI reply: ${reply.reason}` };
  if (reply.status === "BAD_SIGNATURE") {
    return { kind: "rejected", attemptId, code: "BAD_SIGNATURE", reason: reply.description || OGANGI_REPLY_STATUSES.BAD_SIGNATURE };
  }
  if (reply.status === "ERROR") {
    const reason = reply.description || OGANGI_REPLY_STATUSES.ERROR;
    if (internalErrorOutcome === "rejected") return { kind: "rejected", attemptId, code: "ERROR", reason };
    return { kind: "unknown", attemptId, reason: `OGANGI ERROR (it may have queued the message): ${reason}` };
  }
  if (reply.status !== "OK") return { kind: "unknown", attemptId, reason: `OGANGI reply status "${reply.status}": ${reply.description}` };
  const message = firstMessage(reply.result);
  if (!message?.status) return { kind: "accepted", attemptId, providerMessageId: message?.id };
  const known = lookupMessageStatus(message.status);
  if (known?.state === "failed" || known?.state === "undelivered" || known?.state === "expired") {
    return {
      kind: "rejected",
      attemptId,
      code: message.status,
      reason: message.statusDescription || known.meaning,
      ...(known.optOut ? { optOut: true } : {}),
    };
  }
  const state = known?.state === "sent" || known?.state === "delivered" ? ({ state: "sent" } as const) : {};
  return { kind: "accepted", attemptId, providerMessageId: message.id, ...state, raw: message.status };
}
