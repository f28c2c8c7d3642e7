/**
 * Polling for gateways without pushed reports (Masiv getMessage): due messages are leased a round at a
 * time, asked about, their reports ingested, and the next poll pushed back as the message ages, until a
 * final state or the give-up age. The worker runs this beside its sending (a round costs a gateway round
 * trip per message), and the lease keeps other workers, and later rounds, off the messages in a round.
 */
import type { Sql } from "@/lib/db/sql";
import type { EngineAccount } from "./engine-types";
import { ingestReports } from "./reports/ingest-reports";
import { castFor, rowValues } from "@/lib/db/row-values";

const GIVE_UP_AFTER_MS = 72 * 3600_000;
const PER_ROUND = 200;
/**
 * How long a leased message is left alone. A round that succeeds sets the next poll itself; a failing
 * gateway (or a worker that died mid-round) leaves the lease, which is then the back-off before asking again.
 */
const LEASE_MS = 60_000;
const POLLED_STATES = `('submitted', 'sent', 'unknown')`;

type DueMessage = { id: number; providerAccountId: number; providerMessageId: string; submittedAt: string | Date | null };

/** Next poll: half the message's age, between 5 seconds and 30 minutes; none past the give-up age. */
export function nextPollDelayMs(ageMs: number): number | null {
  if (ageMs > GIVE_UP_AFTER_MS) return null;
  return Math.min(30 * 60_000, Math.max(5000, ageMs / 2));
}

/** Polls every message due at `now`, round by round; returns how many were asked about. */
export async function pollDueReports(sql: Sql, account: (id: number) => Promise<EngineAccount | undefined>, now = new Date()): Promise<number> {
  let asked = 0;
  for (;;) {
    const due = await leaseDue(sql, now);
    asked += due.length;
    for (const [accountId, rows] of byAccount(due)) {
      try {
        await pollAccount(sql, accountId, rows, account, now);
      } catch (error) {
        // One gateway failing must not stop the others; its messages keep their lease as the back-off.
        console.error(`[poll reports] account ${accountId}: ${(error as Error).message}`);
      }
    }
    if (due.length < PER_ROUND) return asked;
  }
}

function byAccount(rows: DueMessage[]): Map<number, DueMessage[]> {
  const groups = new Map<number, DueMessage[]>();
  for (const row of rows) {
    const group = groups.get(Number(row.providerAccountId));
    if (group) group.push(row);
    else groups.set(Number(row.providerAccountId), [row]);
  }
  return groups;
}

/** Takes a round of due messages, pushing their next poll back by the lease in the same statement. */
async function leaseDue(sql: Sql, now: Date): Promise<DueMessage[]> {
  return sql.all<DueMessage>(
    `UPDATE "Message" SET "nextPollAt" = ? WHERE "id" IN (${dueMessagesQuery(sql.dialect)})
     RETURNING "id", "providerAccountId", "providerMessageId", "submittedAt"`,
    [new Date(now.getTime() + LEASE_MS), now, PER_ROUND],
  );
}

/**
 * The ids of a round of due messages. SQLite, without statistics, prefers the (state, expiresAt) index for
 * the state condition and sorts every submitted message of every campaign: seconds on a large table, all
 * of it holding the write lock. So it is told to walk the nextPollAt index; PostgreSQL picks it on its own.
 */
export function dueMessagesQuery(dialect: Sql["dialect"]): string {
  const [index, lock] = dialect === "sqlite" ? [`INDEXED BY "Message_nextPollAt_idx"`, ""] : ["", "FOR UPDATE SKIP LOCKED"];
  return `SELECT "id" FROM "Message" ${index}
    WHERE "nextPollAt" <= ? AND "providerMessageId" IS NOT NULL AND "state" IN ${POLLED_STATES}
    ORDER BY "nextPollAt" LIMIT ? ${lock}`;
}

async function pollAccount(sql: Sql, accountId: number, rows: DueMessage[], account: (id: number) => Promise<EngineAccount | undefined>, now: Date): Promise<void> {
  const engineAccount = await account(accountId);
  if (!engineAccount?.adapter.pollReports) return;
  const events = await engineAccount.adapter.pollReports(rows.map((r) => r.providerMessageId));
  await ingestReports(sql, accountId, events, now);
  const next = rows.map((row) => {
    const delay = nextPollDelayMs(now.getTime() - new Date(row.submittedAt ?? now).getTime());
    return [Number(row.id), delay === null ? null : new Date(now.getTime() + delay)];
  });
  // Messages the reports made final stop being polled.
  const v = rowValues(sql.dialect, "v", { id: "int", next_poll_at: "timestamp" }, next);
  await sql.run(
    `UPDATE "Message" AS m SET "nextPollAt" = CASE WHEN m."state" IN ${POLLED_STATES} THEN v.next_poll_at${castFor(sql.dialect)("timestamp")} END
     FROM ${v.sql} WHERE m."id" = v.id`,
    v.params,
  );
}
