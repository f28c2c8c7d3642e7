/**
 * Turns what happened to one gateway request into one outcome per message in it. Every path that can
 * leave a message without an outcome ends here, so the rules of NOTES.md "Retrying safely" live in one
 * place: retry only what provably was not queued, call everything else that may have left `unknown`.
 */
import type { HttpFailure, HttpResponse } from "../shared/http";
import type { SendOutcome } from "../types";
import { classifyRefusal } from "./codes";
import { readErrorText } from "./replies";

/** A failure before any reply: refused connections are retried, anything after the request left is `unknown`. */
export function failureOutcome(attemptId: string, failure: HttpFailure, retryAfterMs: number): SendOutcome {
  if (failure.kind === "not-sent") {
    return { kind: "retryable", attemptId, code: "connection", reason: `request not sent: ${failure.reason}`, retryAfterMs };
  }
  return { kind: "unknown", attemptId, reason: `no usable reply (${failure.reason}); the gateway may have queued it` };
}

/** A reply other than 200, classified by the vendor's code table. */
export function refusalOutcome(attemptId: string, response: HttpResponse, retryAfterMs: number): SendOutcome {
  const refusal = classifyRefusal(response.status, readErrorText(response.body));
  switch (refusal.outcome) {
    case "rejected":
      return { kind: "rejected", attemptId, code: refusal.code, reason: refusal.reason };
    case "retryable":
      return { kind: "retryable", attemptId, code: refusal.code, reason: refusal.reason, retryAfterMs };
    case "unknown":
      return { kind: "unknown", attemptId, reason: `${refusal.code} ${refusal.reason}` };
  }
}

/** A 200 whose body does not have the documented shape: the gateway may well have queued the message. */
export function unreadableOutcome(attemptId: string, reason: string): SendOutcome {
  return { kind: "unknown", attemptId, reason: `200 but ${reason}` };
}

/** The outcome of every message of one request, given how that request went and how to read a 200. */
export function outcomesForReply(
  attemptIds: readonly string[],
  reply: HttpResponse | HttpFailure,
  retryAfterMs: number,
  onOk: (response: HttpResponse) => SendOutcome[],
): SendOutcome[] {
  if (reply.kind !== "response") return attemptIds.map((id) => failureOutcome(id, reply, retryAfterMs));
  if (reply.status !== 200) return attemptIds.map((id) => refusalOutcome(id, reply, retryAfterMs));
  return onOk(reply);
}
