/**
 * Writes a set of state changes to messages and their attempts in one statement per table, whatever the
 * number of messages (row-values.ts carries the per-row values). Each message and attempt appears at most
 * once in `updates`: with two, which one an UPDATE … FROM applies is undefined.
 */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { castFor, type ColumnType, oneOf, type RowValue, rowValues } from "@/lib/db/row-values";
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

/** Values carried per row (unquoted names: PostgreSQL folds them alike on both sides), and how to read each from an update. */
const COLUMNS = {
  message_id: ["int", (u) => u.messageId],
  attempt_id: ["int", (u) => u.attemptId],
  state: ["text", (u) => u.state],
  final: ["boolean", (u) => TERMINAL_STATES.has(u.state)],
  sent: ["boolean", (u) => u.state === "sent" || Boolean(u.passedSent)],
  providerMessageId: ["text", (u) => u.providerMessageId],
  batchId: ["text", (u) => u.batchId],
  errorCode: ["text", (u) => u.errorCode],
  errorText: ["text", (u) => u.errorText],
  rawStatus: ["text", (u) => u.rawStatus],
  cost: ["numeric", (u) => u.cost],
  retryAt: ["timestamp", (u) => u.retryAt],
  nextPollAt: ["timestamp", (u) => u.nextPollAt],
} as const satisfies Record<string, [ColumnType, (u: MessageUpdate) => RowValue]>;

type Column = keyof typeof COLUMNS;

/** Columns that keep their value when the update carries none. */
const KEPT = ["providerMessageId", "batchId", "errorCode", "errorText", "rawStatus", "cost"] as const;
/** Columns every update sets, to null when it carries none (a message back in the queue no longer waits for a poll). */
const REPLACED = ["retryAt", "nextPollAt"] as const;

interface Carried {
  kept: (typeof KEPT)[number][];
  replaced: (typeof REPLACED)[number][];
}

/** The optional columns some of `rows` carry a value for, in declaration order, found in one pass. */
function carriedBy(rows: readonly MessageUpdate[]): Carried {
  const found = new Set<Column>();
  const optional = [...KEPT, ...REPLACED];
  for (const u of rows) {
    for (const column of optional) {
      const value = COLUMNS[column][1](u);
      if (value !== null && value !== undefined) found.add(column);
    }
    if (found.size === optional.length) break;
  }
  return { kept: KEPT.filter((c) => found.has(c)), replaced: REPLACED.filter((c) => found.has(c)) };
}

/** `rows` as a table `v` of only the named columns: less to build, send and read than all thirteen. */
function valuesOf(tx: Sql, rows: readonly MessageUpdate[], columns: readonly Column[]) {
  const readers = columns.map((c) => COLUMNS[c][1] as (u: MessageUpdate) => RowValue);
  const types = Object.fromEntries(columns.map((c) => [c, COLUMNS[c][0]]));
  return rowValues(tx.dialect, "v", types, rows.map((u) => readers.map((read) => read(u))));
}

/**
 * Assigning a column costs an index update on SQLite even when its value does not change, and most batches
 * carry only a state and an id: so the statements name only the columns some update carries. `retryAt` and
 * `nextPollAt` that no update carries are cleared by a separate statement that touches only the rows that
 * still have one, which leaves the result exactly as if every row had assigned them. When every update is
 * the message's current attempt (a batch's outcomes), both statements read one table built once.
 */
export async function applyMessageUpdates(tx: Sql, updates: MessageUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  const cast = castFor(tx.dialect);
  const ts = cast("timestamp");
  const allCurrent = updates.every((u) => u.current);
  const current = allCurrent ? updates : updates.filter((u) => u.current);
  const byAll = carriedBy(updates);
  const byCurrent = allCurrent ? byAll : carriedBy(current);
  const keep = (alias: string, kept: Carried["kept"]) => kept.map((c) => `, "${c}" = COALESCE(v.${c}, ${alias}."${c}")`).join("");
  const messageColumns: Column[] = ["message_id", "state", "final", "sent", ...byCurrent.kept, ...byCurrent.replaced];
  const shared = allCurrent ? valuesOf(tx, updates, ["attempt_id", ...messageColumns]) : undefined;

  if (current.length > 0) {
    const v = shared ?? valuesOf(tx, current, messageColumns);
    await tx.run(
      `UPDATE "Message" AS m SET "state" = v.state${cast('"MessageState"')}, "claimedBy" = NULL${keep("m", byCurrent.kept)}${byCurrent.replaced.map((c) => `, "${c}" = v.${c}`).join("")},
         "submittedAt" = CASE WHEN (v.state = 'submitted' OR v.sent) AND m."submittedAt" IS NULL THEN ?${ts} ELSE m."submittedAt" END,
         "sentAt" = CASE WHEN v.sent AND m."sentAt" IS NULL THEN ?${ts} ELSE m."sentAt" END,
         "finalAt" = CASE WHEN v.final THEN ?${ts} END, "updatedAt" = ?${ts}
       FROM ${v.sql} WHERE m."id" = v.message_id`,
      [now, now, now, now, ...v.params],
    );
    const cleared = REPLACED.filter((c) => !byCurrent.replaced.includes(c));
    if (cleared.length > 0) {
      const ids = oneOf(tx.dialect, `"id"`, "int", current.map((u) => u.messageId));
      await tx.run(
        `UPDATE "Message" SET ${cleared.map((c) => `"${c}" = NULL`).join(", ")} WHERE ${ids.sql} AND (${cleared.map((c) => `"${c}" IS NOT NULL`).join(" OR ")})`,
        ids.params,
      );
    }
  }
  const v = shared ?? valuesOf(tx, updates, ["attempt_id", "state", ...byAll.kept]);
  await tx.run(
    `UPDATE "SendAttempt" AS a SET "state" = v.state${cast('"MessageState"')}${keep("a", byAll.kept)},
       "finishedAt" = COALESCE(a."finishedAt", ?${ts}), "updatedAt" = ?${ts}
     FROM ${v.sql} WHERE a."id" = v.attempt_id`,
    [now, now, ...v.params],
  );
}
