/**
 * Writes a set of state changes to messages and their attempts in one statement per table, whatever the
 * number of messages (row-values.ts carries the per-row values). Each message and attempt appears at most
 * once in `updates`: with two, which one an UPDATE … FROM applies is undefined.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { castFor, oneOf, rowValues } from "@/lib/db/row-values";
import { TERMINAL_STATES } from "./states";

export interface MessageUpdate {
  messageId: number;
  attemptId: number;
  /** Whether the attempt is still the message's current one (older attempts update only themselves). */
  current: boolean;
  state: MessageState;
  providerMessageId?: string | null;
  batchId?: string | null;
  errorCode?: string | null;
  errorText?: string | null;
  rawStatus?: string | null;
  retryAt?: Date | null;
  cost?: number | null;
  /** When to poll the gateway about this message (gateways without pushed reports). */
  nextPollAt?: Date | null;
  /** The message passed through `sent` on its way to `state` (reports of one round): it was submitted and sent now. */
  passedSent?: boolean;
}

/** Values carried per row (unquoted names: PostgreSQL folds them alike on both sides). */
const COLUMNS = {
  message_id: "int", attempt_id: "int", state: "text", final: "boolean", sent: "boolean", providerMessageId: "text", batchId: "text", errorCode: "text",
  errorText: "text", rawStatus: "text", cost: "numeric", retryAt: "timestamp", nextPollAt: "timestamp",
} as const;

/** Columns that keep their value when the update carries none. */
const KEPT = ["providerMessageId", "batchId", "errorCode", "errorText", "rawStatus", "cost"] as const;
/** Columns every update sets, to null when it carries none (a message back in the queue no longer waits for a poll). */
const REPLACED = ["retryAt", "nextPollAt"] as const;

const row = (u: MessageUpdate) => [
  u.messageId, u.attemptId, u.state, TERMINAL_STATES.has(u.state), u.state === "sent" || Boolean(u.passedSent), u.providerMessageId, u.batchId, u.errorCode,
  u.errorText, u.rawStatus, u.cost, u.retryAt, u.nextPollAt,
];

/**
 * Assigning a column costs an index update on SQLite even when its value does not change, and most batches
 * carry only a state and an id: so the statements name only the columns some update carries. `retryAt` and
 * `nextPollAt` that no update carries are cleared by a separate statement that touches only the rows that
 * still have one, which leaves the result exactly as if every row had assigned them.
 */
export async function applyMessageUpdates(tx: Sql, updates: MessageUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  const cast = castFor(tx.dialect);
  const ts = cast("timestamp");
  const carried = (column: keyof MessageUpdate, rows: MessageUpdate[]) => rows.some((u) => u[column] !== null && u[column] !== undefined);
  const kept = (alias: string, rows: MessageUpdate[]) => KEPT.filter((c) => carried(c, rows)).map((c) => `, "${c}" = COALESCE(v.${c}, ${alias}."${c}")`).join("");
  const values = (rows: MessageUpdate[]) => rowValues(tx.dialect, "v", COLUMNS, rows.map(row));

  const current = updates.filter((u) => u.current);
  if (current.length > 0) {
    const replaced = REPLACED.filter((c) => carried(c, current));
    const cleared = REPLACED.filter((c) => !carried(c, current));
    const v = values(current);
    await tx.run(
      `UPDATE "Message" AS m SET "state" = v.state${cast('"MessageState"')}, "claimedBy" = NULL${kept("m", current)}${replaced.map((c) => `, "${c}" = v.${c}`).join("")},
         "submittedAt" = CASE WHEN (v.state = 'submitted' OR v.sent) AND m."submittedAt" IS NULL THEN ?${ts} ELSE m."submittedAt" END,
         "sentAt" = CASE WHEN v.sent AND m."sentAt" IS NULL THEN ?${ts} ELSE m."sentAt" END,
         "finalAt" = CASE WHEN v.final THEN ?${ts} END, "updatedAt" = ?${ts}
       FROM ${v.sql} WHERE m."id" = v.message_id`,
      [now, now, now, now, ...v.params],
    );
    if (cleared.length > 0) {
      const ids = oneOf(tx.dialect, `"id"`, "int", current.map((u) => u.messageId));
      await tx.run(
        `UPDATE "Message" SET ${cleared.map((c) => `"${c}" = NULL`).join(", ")} WHERE ${ids.sql} AND (${cleared.map((c) => `"${c}" IS NOT NULL`).join(" OR ")})`,
        ids.params,
      );
    }
  }
  const v = values(updates);
  await tx.run(
    `UPDATE "SendAttempt" AS a SET "state" = v.state${cast('"MessageState"')}${kept("a", updates)},
       "finishedAt" = COALESCE(a."finishedAt", ?${ts}), "updatedAt" = ?${ts}
     FROM ${v.sql} WHERE a."id" = v.attempt_id`,
    [now, now, ...v.params],
  );
}
