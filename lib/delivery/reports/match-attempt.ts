/** Finds the attempt a gateway report refers to, with its message's current state. */
import type { Sql } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { rollupColumns, type RollupRow } from "../counters";

export interface MatchedAttempt extends RollupRow {
  attemptId: number;
  attemptState: MessageState;
  messageId: number;
  messageState: MessageState;
  currentAttemptId: number | null;
  campaignId: number;
  /** Null when the contact was deleted (its messages stay). */
  contactId: number | null;
}

const select = (tx: Sql) => `SELECT a."id" AS "attemptId", a."state" AS "attemptState", m."id" AS "messageId", m."state" AS "messageState",
  m."currentAttemptId", m."campaignId", m."contactId", ${rollupColumns(tx.dialect, "m")} FROM "SendAttempt" a JOIN "Message" m ON m."id" = a."messageId"`;

/** A matched row with its ids as numbers (PostgreSQL returns bigint sums and some ids as strings). */
export function normaliseMatch<T extends MatchedAttempt>(row: T): T {
  return {
    ...row,
    attemptId: Number(row.attemptId),
    messageId: Number(row.messageId),
    currentAttemptId: row.currentAttemptId === null ? null : Number(row.currentAttemptId),
    campaignId: Number(row.campaignId),
    contactId: row.contactId === null ? null : Number(row.contactId),
  };
}

const normalise = (row: MatchedAttempt | undefined): MatchedAttempt | undefined => row && normaliseMatch(row);

export async function attemptByProviderId(tx: Sql, accountId: number, providerMessageId: string): Promise<MatchedAttempt | undefined> {
  const [row] = await tx.all<MatchedAttempt>(`${select(tx)} WHERE a."providerAccountId" = ? AND a."providerMessageId" = ? ORDER BY a."id" DESC LIMIT 1`, [accountId, providerMessageId]);
  return normalise(row);
}

export async function attemptByBatch(tx: Sql, accountId: number, batchId: string, destination: string): Promise<MatchedAttempt | undefined> {
  const [row] = await tx.all<MatchedAttempt>(
    `${select(tx)} WHERE a."providerAccountId" = ? AND a."batchId" = ? AND m."destination" = ? ORDER BY a."id" DESC LIMIT 1`,
    [accountId, batchId, destination],
  );
  return normalise(row);
}
