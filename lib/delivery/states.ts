/**
 * The message lifecycle of DESIGN.md as data: which state may follow which, and which campaign counter
 * counts each state. Forward-only: within an attempt a state never moves back and terminal states are
 * final; `unknown` is resolved by any later report.
 */
import type { MessageState } from "@/lib/providers/types";

export const MESSAGE_STATES = [
  "queued", "sending", "submitted", "sent", "delivered", "undelivered",
  "failed", "expired", "rejected", "unknown", "skipped", "canceled",
] as const satisfies readonly MessageState[];

export const TERMINAL_STATES: ReadonlySet<MessageState> = new Set(["delivered", "undelivered", "failed", "expired", "rejected", "skipped", "canceled"]);

const RANK: Record<MessageState, number> = {
  queued: 0,
  sending: 1,
  unknown: 2,
  submitted: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  expired: 4,
  rejected: 4,
  skipped: 4,
  canceled: 4,
};

/** Whether a gateway report may move a message (or attempt) from `from` to `to`. */
export function isForward(from: MessageState, to: MessageState): boolean {
  if (TERMINAL_STATES.has(from)) return false;
  if (from === "unknown") return to !== "unknown" && to !== "queued" && to !== "sending";
  return RANK[to] > RANK[from];
}

/** The Campaign column counting messages in each state. */
export const COUNTER_COLUMN: Record<MessageState, string> = {
  queued: "queuedCount",
  sending: "sendingCount",
  submitted: "submittedCount",
  sent: "sentCount",
  delivered: "deliveredCount",
  undelivered: "undeliveredCount",
  failed: "failedCount",
  expired: "expiredCount",
  rejected: "rejectedCount",
  unknown: "unknownCount",
  skipped: "skippedCount",
  canceled: "canceledCount",
};
