/**
 * Outcomes decided before a vendor's reply body is read: a failed request, or an HTTP status that is not the
 * vendor's normal answer. The rule is NOTES.md "Retrying safely": retry only where nothing can have been
 * queued. Vendors whose 5xx provably queues nothing (Jasmin's 503) decide that themselves before calling here.
 */
import type { SendOutcome } from "../types";
import type { HttpFailure } from "./http";

/** Delay before retrying a request that never reached the gateway. */
export const NOT_SENT_RETRY_MS = 5_000;

/** A request that failed on the wire: retry only when it provably never left. */
export function outcomeForFailure(attemptId: string, failure: HttpFailure): SendOutcome {
  if (failure.kind === "not-sent") {
    return { kind: "retryable", attemptId, code: "not-sent", reason: failure.reason, retryAfterMs: NOT_SENT_RETRY_MS };
  }
  return { kind: "unknown", attemptId, reason: `request may have reached the gateway: ${failure.reason}` };
}

/**
 * An HTTP status other than the vendor's normal one. 4xx: the server refused the request itself (a CDN or
 * firewall in front of the gateway says 401/403), so nothing was queued; 429 is worth retrying later. 5xx and
 * anything else: the gateway may have queued the message before failing, so `unknown`.
 */
export function outcomeForHttpStatus(
  attemptId: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  bodyPreview: string,
): SendOutcome {
  const code = `http-${status}`;
  if (status === 429) {
    return { kind: "retryable", attemptId, code, reason: `throttled by the gateway: ${bodyPreview}`, retryAfterMs: retryAfterMs(headers) };
  }
  if (status === 401 || status === 403) {
    return { kind: "rejected", attemptId, code, reason: `access refused (HTTP ${status}); check the credentials and IP allow-list: ${bodyPreview}` };
  }
  if (status >= 400 && status < 500) return { kind: "rejected", attemptId, code, reason: `request refused (HTTP ${status}): ${bodyPreview}` };
  return { kind: "unknown", attemptId, reason: `HTTP ${status} from the gateway; it may have queued the message: ${bodyPreview}` };
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or a default of 30 s. */
export function retryAfterMs(headers: Record<string, string | string[] | undefined>, fallbackMs = 30_000): number {
  const raw = headers["retry-after"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return fallbackMs;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - Date.now());
}
