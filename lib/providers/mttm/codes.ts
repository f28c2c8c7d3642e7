/**
 * Every status MTTM (Jasmin) documents, mapped once to our outcomes and states (../shared/providers/mttm.md,
 * NOTES.md "MTTM" and "Retrying safely"). Jasmin speaks in HTTP statuses plus an `Error "<text>"` body, so a
 * row is a status and, where one status means several things, a pattern on the text. The vendor's raw
 * status and text always travel beside our word for it.
 */
import type { ReportedState } from "../types";

/** What a refusal of our request means for the messages in it. */
export type MttmRefusalOutcome = "rejected" | "retryable" | "unknown";

export interface MttmReplyCode {
  status: number;
  /** Matched against the reply's text; absent: any text with this status. */
  text?: RegExp;
  meaning: string;
  outcome: MttmRefusalOutcome;
}

/**
 * Ordered: the first row whose status and text match wins, so specific texts come before a status's
 * catch-all. Statuses not listed fall through to `classifyUnlisted`.
 */
export const MTTM_REPLY_CODES: readonly MttmReplyCode[] = [
  { status: 400, text: /Mandatory arguments not found/i, meaning: "request parameters missing", outcome: "rejected" },
  { status: 400, text: /Argument .* is unknown/i, meaning: "parameter unknown to the gateway", outcome: "rejected" },
  { status: 400, text: /has an invalid value/i, meaning: "parameter with an invalid value", outcome: "rejected" },
  { status: 400, text: /Mandatory argument .* is not found/i, meaning: "mandatory parameter missing", outcome: "rejected" },
  { status: 400, text: /content or hex-content|content and hex-content/i, meaning: "content parameters wrong", outcome: "rejected" },
  // "dynamic messages": the user's credentials forbid something we asked for (a dlr level, a sender…).
  { status: 400, meaning: "refused by the account's credential rules", outcome: "rejected" },
  { status: 401, meaning: "REST authentication missing or refused", outcome: "rejected" },
  // Jasmin checks the per-user HTTP throughput before charging or queueing: nothing was queued.
  { status: 403, text: /User throughput exceeded/i, meaning: "per-user throughput quota exceeded", outcome: "retryable" },
  { status: 403, text: /Authentication failure/i, meaning: "username or password refused", outcome: "rejected" },
  { status: 403, text: /Authorization failed/i, meaning: "the account may not send this", outcome: "rejected" },
  { status: 403, text: /Cannot charge submit_sm/i, meaning: "charging failed (balance)", outcome: "rejected" },
  { status: 403, meaning: "refused by the gateway", outcome: "rejected" },
  { status: 412, text: /No route found/i, meaning: "no route to this destination", outcome: "rejected" },
  { status: 412, text: /no bound connectors/i, meaning: "failover route has no connected SMSC", outcome: "rejected" },
  // REST sendbatch: these are Falcon errors with a title, refused before any message was queued.
  { status: 412, text: /Authentication failed/i, meaning: "batch credentials refused", outcome: "rejected" },
  { status: 412, text: /parse JSON/i, meaning: "request body is not JSON", outcome: "rejected" },
  { status: 412, text: /schedule/i, meaning: "schedule_at refused (format, or in the past)", outcome: "rejected" },
  { status: 412, meaning: "precondition failed", outcome: "rejected" },
  { status: 415, meaning: "the REST API answers JSON only", outcome: "rejected" },
  // SMPPClientManagerPB refused to enqueue the submit_sm: the message was not queued.
  { status: 500, text: /Cannot send submit_sm/i, meaning: "submit to the SMSC queue failed", outcome: "retryable" },
  { status: 500, meaning: "gateway error (may have been queued)", outcome: "unknown" },
  // Interceptor not set or not connected: refused before routing.
  { status: 503, meaning: "gateway not ready", outcome: "retryable" },
];

/** A refusal as the adapter reports it: the HTTP status is the vendor's code, its text the reason. */
export interface MttmRefusal {
  outcome: MttmRefusalOutcome;
  code: string;
  reason: string;
}

/** Our outcome for a non-200 reply with status `status` and (unwrapped) text `text`. */
export function classifyRefusal(status: number, text: string): MttmRefusal {
  const row = MTTM_REPLY_CODES.find((r) => r.status === status && (!r.text || r.text.test(text)));
  const code = String(status);
  if (row) return { outcome: row.outcome, code, reason: `${row.meaning}: ${text}` };
  return { outcome: classifyUnlisted(status), code, reason: `HTTP ${status}: ${text}` };
}

/**
 * Statuses Jasmin never sends (a proxy, a wrong base URL): any other 5xx may hide an accepted message, a
 * 3xx means we did not reach the API handler, and a 4xx is a refusal.
 */
function classifyUnlisted(status: number): MttmRefusalOutcome {
  return status >= 400 && status < 500 ? "rejected" : "unknown";
}

/** SMPP command status of a successful submit (level-1 report). Any other `ESME_*` is a failure. */
export const ESME_OK = "ESME_ROK";

/**
 * Level-2 receipt statuses (SMPP `stat:`). `null`: says nothing new about an accepted message; stored raw,
 * state unchanged (NOTES.md: UNKNOWN stays `sent`). Unlisted statuses are stored raw too.
 */
export const MTTM_RECEIPT_STATUSES: Record<string, ReportedState | null> = {
  DELIVRD: "delivered",
  ACCEPTD: "sent",
  ENROUTE: "sent",
  EXPIRED: "expired",
  DELETED: "undelivered",
  UNDELIV: "undelivered",
  REJECTD: "failed",
  UNKNOWN: null,
};
