/**
 * From one gateway answer to one outcome per message of the request. Pure, so every reading of a reply
 * (tuples, bare codes, HTTP statuses, garbage) is tested without a network.
 */
import type { SendOutcome } from "../types";
import type { HttpResponse } from "../shared/http";
import { outcomeForHttpStatus } from "../shared/transport-outcome";
import { submissionCode } from "./codes";
import { parseSubmissionReply, type ReplyTuple } from "./reply";
import type { RequestMember } from "./request";

/** Account choices that shape outcomes. */
export interface OutcomePolicy {
  optOutCodes: ReadonlySet<string>;
  retryAfterMs: number;
}

/** A member with the attempt id its outcome must carry. */
export interface AnsweredMember extends RequestMember {
  attemptId: string;
}

/** The outcome a vendor code gives one message (`tuple` when the code came per destination). */
export function outcomeForCode(attemptId: string, code: string, policy: OutcomePolicy, tuple?: ReplyTuple): SendOutcome {
  const meaning = submissionCode(code);
  switch (meaning.outcome) {
    case "accepted":
      return { kind: "accepted", attemptId, providerMessageId: tuple?.messageId, raw: tuple?.raw ?? code };
    case "retryable":
      return { kind: "retryable", attemptId, code, reason: meaning.text, retryAfterMs: policy.retryAfterMs };
    case "unknown":
      return { kind: "unknown", attemptId, reason: `${code}: ${meaning.text}` };
    case "rejected":
      return policy.optOutCodes.has(code)
        ? { kind: "rejected", attemptId, code, reason: meaning.text, optOut: true }
        : { kind: "rejected", attemptId, code, reason: meaning.text };
  }
}

/**
 * Outcomes for the members of one request, in member order. `preview` is the reply body already cut short
 * and cleared of credentials, for reasons.
 */
export function outcomesForResponse(response: HttpResponse, members: readonly AnsweredMember[], policy: OutcomePolicy, preview: string): SendOutcome[] {
  const reply = parseSubmissionReply(response.body);
  // A bare vendor code means the same whatever the HTTP status that carried it.
  if (reply.kind === "request") return members.map((m) => outcomeForCode(m.attemptId, reply.code, policy));
  if (response.status < 200 || response.status > 299) {
    return members.map((m) => outcomeForHttpStatus(m.attemptId, response.status, response.headers, preview));
  }
  if (reply.kind === "unreadable") {
    return members.map((m) => ({ kind: "unknown", attemptId: m.attemptId, reason: `unreadable reply from the gateway: ${preview}` }));
  }
  return matchTuples(reply.tuples, members, policy);
}

/**
 * Tuples are matched to members by the digits of the echoed number. A lone tuple answers a lone member
 * whatever number it echoes (a gateway may rewrite numbers). A member no tuple mentions is `unknown`: the
 * gateway received the request and did not say what it did with that destination.
 */
function matchTuples(tuples: readonly ReplyTuple[], members: readonly AnsweredMember[], policy: OutcomePolicy): SendOutcome[] {
  const byDigits = new Map<string, number>();
  members.forEach((member, position) => byDigits.set(member.digits, position));
  const outcomes: (SendOutcome | undefined)[] = new Array(members.length);
  for (const tuple of tuples) {
    let position = byDigits.get(tuple.destination.startsWith("+") ? tuple.destination.slice(1) : tuple.destination);
    if (position === undefined && members.length === 1 && tuples.length === 1) position = 0;
    if (position === undefined || outcomes[position]) continue;
    outcomes[position] = outcomeForCode(members[position].attemptId, tuple.code, policy, tuple);
  }
  return members.map(
    (member, position) =>
      outcomes[position] ?? { kind: "unknown", attemptId: member.attemptId, reason: `the gateway's reply did not mention ${member.digits}` },
  );
}
