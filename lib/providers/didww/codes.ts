/**
 * Every code and status DIDWW documents, and what each one means in our lifecycle (DESIGN.md). The raw
 * code and text always travel beside our state, so nothing the vendor said is lost in translation.
 */
import type { ReportedState } from "../types";

/** What a reply's HTTP status means for the messages of that request. */
export type SubmissionMeaning =
  | { outcome: "accepted" }
  | { outcome: "rejected"; text: string; auth?: boolean }
  | { outcome: "retryable"; text: string; retryAfterMs: number }
  | { outcome: "unknown"; text: string };

/** The tables, one per place a code appears: reply status, callback status, `code_id`, receipt status. */
export const DIDWW_CODES = {
  /**
   * HTTP statuses of the reply to `POST /outbound_messages` and `/bulk_outbound_messages`. 201, 400 and
   * 401 are documented; the others are JSON:API's (415/406/409) or HTTP's own, listed so none is guessed
   * at the call site. 408 and 429 prove the request was not processed; DIDWW never says a 5xx left
   * nothing queued, so every 5xx is `unknown` (NOTES.md, "Retrying safely").
   */
  submission: {
    201: { outcome: "accepted" },
    400: { outcome: "rejected", text: "Bad Request: the request was refused as invalid" },
    401: { outcome: "rejected", text: "Unauthorized: wrong trunk credentials or this server's IP is not whitelisted", auth: true },
    403: { outcome: "rejected", text: "Forbidden: the trunk refused this request", auth: true },
    404: { outcome: "rejected", text: "Not Found: check the account's base URL" },
    405: { outcome: "rejected", text: "Method Not Allowed" },
    406: { outcome: "rejected", text: "Not Acceptable: JSON:API media type refused" },
    408: { outcome: "retryable", text: "Request Timeout: the gateway did not read the request", retryAfterMs: 5_000 },
    409: { outcome: "rejected", text: "Conflict: resource type does not match the endpoint" },
    413: { outcome: "rejected", text: "Payload Too Large" },
    415: { outcome: "rejected", text: "Unsupported Media Type: Content-Type must be exactly application/vnd.api+json" },
    422: { outcome: "rejected", text: "Unprocessable Entity: an attribute was refused" },
    429: { outcome: "retryable", text: "Too Many Requests", retryAfterMs: 1_000 },
  } satisfies Record<number, SubmissionMeaning>,

  /** Callback `status` (lower-cased: the table says "Routing Error", DIDWW's newer pages "Routing error"). */
  callbackStatus: {
    success: "sent",
    "routing error": "failed",
    failed: "failed",
  } satisfies Record<string, ReportedState>,

  /** Callback `code_id` ("Callback error codes"); `null` means sent. Each one means the message was not sent. */
  callbackCode: {
    1: "No routes found",
    2: "No rate found",
    3: "No routes found",
    4: "Internal Error",
    5: "SMS trunk is blocked",
    6: "Internal error",
    7: "Origination account is blocked",
    8: "SMS source address is not allowed",
    9: "SMS destination address is not allowed",
    10: "SMS Campaign not found",
    11: "SMS Campaign blocked",
    100: "No balance available during TTL",
    101: "All termination attempts failed during TTL",
    102: "No encoding available",
    103: "Max balance attempts reached",
    104: "Message defragmentation failed",
    105: "Routing failed",
  } satisfies Record<number, string>,

  /**
   * `dlr_event` carrier statuses (upper-cased). DIDWW names DELIVERED, FAILED and EXPIRED; the others are
   * the SMPP receipt words carriers echo. A carrier's FAILED is a receipt saying "not delivered", hence
   * `undelivered` (DIDWW's own processing failures arrive as callbacks and become `failed`).
   */
  dlrStatus: {
    DELIVERED: "delivered",
    DELIVRD: "delivered",
    FAILED: "undelivered",
    UNDELIVERED: "undelivered",
    UNDELIV: "undelivered",
    DELETED: "undelivered",
    EXPIRED: "expired",
    REJECTED: "failed",
    REJECTD: "failed",
    ENROUTE: "sent",
    ACCEPTED: "sent",
    ACCEPTD: "sent",
  } satisfies Record<string, ReportedState>,
} as const;

/** The meaning of a reply status: the table's entry, else its class (other 4xx refused, 5xx unknown). */
export function submissionMeaning(status: number): SubmissionMeaning {
  const listed = (DIDWW_CODES.submission as Record<number, SubmissionMeaning>)[status];
  if (listed) return listed;
  if (status >= 200 && status < 300) return { outcome: "accepted" };
  if (status >= 400 && status < 500) return { outcome: "rejected", text: `HTTP ${status}` };
  if (status >= 500 && status < 600) return { outcome: "unknown", text: `HTTP ${status}: the gateway may have queued the messages` };
  return { outcome: "unknown", text: `unexpected HTTP ${status}` };
}

/** Our state for a callback status, or undefined for a status DIDWW has not documented. */
export function callbackState(status: string): ReportedState | undefined {
  return (DIDWW_CODES.callbackStatus as Record<string, ReportedState>)[status.trim().toLowerCase()];
}

/** The document's text for a callback `code_id`. */
export function callbackCodeText(code: number): string | undefined {
  return (DIDWW_CODES.callbackCode as Record<number, string>)[code];
}

/** Our state for a `dlr_event` status, or undefined for one we do not know (kept raw). */
export function dlrState(status: string): ReportedState | undefined {
  return (DIDWW_CODES.dlrStatus as Record<string, ReportedState>)[status.trim().toUpperCase()];
}
