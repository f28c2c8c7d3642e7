/**
 * How dashboards and reports group the message states of DESIGN.md, and what each one means in words
 * (the same meaning in the UI, the API and exports).
 */
import type { MessageState } from "@/lib/providers/types";

/** Handed over to a gateway and accepted by it; the base of the delivery rate. */
export const HANDED_OVER: readonly MessageState[] = ["submitted", "sent", "delivered", "undelivered", "failed"];
/** Passed on by the gateway towards the handset. */
export const PASSED_ON: readonly MessageState[] = ["sent", "delivered", "undelivered"];
/** States that end badly (or whose fate we cannot know), with the reason shown beside the funnel. */
export const FAILURE_STATES: readonly MessageState[] = ["failed", "undelivered", "rejected", "expired", "unknown"];

export const STATE_MEANINGS: Record<MessageState, string> = {
  queued: "waiting for a worker",
  sending: "claimed by a worker; the request may be on the wire",
  submitted: "the gateway accepted our request",
  sent: "the gateway passed it on",
  delivered: "the handset receipt says delivered",
  undelivered: "a receipt says it was not delivered",
  failed: "the gateway accepted it, then reported a failure",
  expired: "its validity ran out, in our queue or at the gateway",
  rejected: "the gateway refused the request itself",
  unknown: "we cannot know whether the gateway accepted it",
  skipped: "never sent: opted out, invalid or duplicate number",
  canceled: "canceled before it was handed over",
};

export type StateCounts = Record<MessageState, number>;

export const sumOf = (counts: Partial<StateCounts>, states: readonly MessageState[]) => states.reduce((n, s) => n + (counts[s] ?? 0), 0);

/** Delivered as a share of what gateways accepted (null when nothing was handed over). */
export function deliveryRate(counts: Partial<StateCounts>): number | null {
  const base = sumOf(counts, HANDED_OVER);
  return base === 0 ? null : (counts.delivered ?? 0) / base;
}
