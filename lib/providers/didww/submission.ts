/**
 * Turns what came back from one DIDWW request into one verdict per message of that request. This is
 * where "accepted", "refused", "safe to retry" and "cannot know" are decided, following codes.ts.
 */
import type { HttpFailure, HttpResponse } from "../shared/http";
import { NOT_SENT_RETRY_MS, retryAfterMs } from "../shared/transport-outcome";
import type { SendOutcome } from "../types";
import { submissionMeaning } from "./codes";
import { readBulkReply, readErrors, readSingleReply, snippet, type DidwwError } from "./wire";

type WithoutAttempt<O> = O extends unknown ? Omit<O, "attemptId"> : never;
/** An outcome before it is tied to its message's `attemptId`. */
export type Verdict = WithoutAttempt<SendOutcome>;

const DESTINATION_POINTER = /^\/data\/attributes\/destination\/(\d+)$/;

/**
 * The verdicts for the `count` messages of one request, in request order (bulk: the order of
 * `destination[]`; DIDWW lists one message id per destination, in that order).
 */
export function interpretReply(result: HttpResponse | HttpFailure, sent: { bulk: boolean; count: number }): Verdict[] {
  const { count } = sent;
  if (result.kind !== "response") {
    return result.kind === "not-sent"
      ? fill(count, { kind: "retryable", code: "not-sent", reason: `DIDWW not reached: ${result.reason}`, retryAfterMs: NOT_SENT_RETRY_MS })
      : fill(count, { kind: "unknown", reason: `no complete reply from DIDWW (${result.reason}); the messages may have been queued` });
  }
  const meaning = submissionMeaning(result.status);
  switch (meaning.outcome) {
    case "accepted":
      return sent.bulk ? acceptBulk(result, count) : acceptSingle(result);
    case "unknown":
      return fill(count, { kind: "unknown", reason: `${meaning.text} (${errorText(result, undefined, "reply")})` });
    case "retryable":
      return fill(count, {
        kind: "retryable",
        code: String(result.status),
        reason: `${meaning.text} (${errorText(result, undefined, "reply")})`,
        retryAfterMs: retryAfterMs(result.headers, meaning.retryAfterMs),
      });
    case "rejected":
      return reject(result, meaning, sent);
  }
}

function acceptSingle(result: HttpResponse): Verdict[] {
  const reply = readSingleReply(result.body);
  if ("error" in reply) return [{ kind: "unknown", reason: `DIDWW answered HTTP ${result.status}, but ${reply.error}` }];
  return [{ kind: "accepted", providerMessageId: reply.id }];
}

function acceptBulk(result: HttpResponse, count: number): Verdict[] {
  const reply = readBulkReply(result.body);
  if ("error" in reply) return fill(count, { kind: "unknown", reason: `DIDWW answered HTTP ${result.status}, but ${reply.error}` });
  if (reply.messageIds.length !== count) {
    // Accepted all the same (201), but ids cannot be tied to destinations: keep the bulk id and say why.
    const raw = `bulk ${reply.id} listed ${reply.messageIds.length} message ids for ${count} destinations; ids not matched`;
    return fill(count, { kind: "accepted", batchId: reply.id, raw });
  }
  return reply.messageIds.map((providerMessageId) => ({ kind: "accepted", providerMessageId, batchId: reply.id }));
}

/**
 * A refused request queued nothing. When a bulk request was refused only because of some destinations
 * (every error points at `/data/attributes/destination/<i>`), those are rejected and the rest may be
 * retried without them; otherwise every message shares the request's rejection.
 */
function reject(result: HttpResponse, meaning: { text: string; auth?: boolean }, sent: { bulk: boolean; count: number }): Verdict[] {
  const errors = readErrors(result.body);
  const code = errors?.find((e) => e.code)?.code ?? String(result.status);
  const prefix = meaning.auth ? "authentication refused: " : "";
  const whole: Verdict = { kind: "rejected", code, reason: prefix + errorText(result, errors, meaning.text) };
  const blamed = sent.bulk && errors ? blamedDestinations(errors, sent.count) : undefined;
  if (!blamed) return fill(sent.count, whole);
  return Array.from({ length: sent.count }, (_, i): Verdict => {
    const own = blamed.get(i);
    if (own) return { kind: "rejected", code: own.code ?? code, reason: describeErrors([own]) };
    return { kind: "retryable", code: "bulk-refused", reason: `bulk request refused because of other destinations (${whole.reason})`, retryAfterMs: 0 };
  });
}

/** The error of each destination index, when every error points at a destination of this request. */
function blamedDestinations(errors: DidwwError[], count: number): Map<number, DidwwError> | undefined {
  const blamed = new Map<number, DidwwError>();
  for (const error of errors) {
    const index = Number(DESTINATION_POINTER.exec(error.pointer ?? "")?.[1] ?? NaN);
    if (!(index < count)) return undefined;
    blamed.set(index, error);
  }
  return blamed;
}

/** The JSON:API errors as "title: detail (code)", or the start of a non-JSON:API body. */
function errorText(result: HttpResponse, errors = readErrors(result.body), fallback = `HTTP ${result.status}`): string {
  return errors ? describeErrors(errors) : `${fallback}: ${snippet(result.body)}`;
}

function describeErrors(errors: DidwwError[]): string {
  return errors
    .map((e) => {
      const words = [e.title, e.detail].filter(Boolean).join(": ") || "error";
      return e.code ? `${words} (code ${e.code})` : words;
    })
    .join("; ");
}

function fill(count: number, verdict: Verdict): Verdict[] {
  return Array.from({ length: count }, () => verdict);
}
