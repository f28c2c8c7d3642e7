/**
 * Polling for gateways without pushed reports (Masiv getMessage): messages due for a poll are asked about
 * in small groups, their reports ingested, and the next poll pushed back as the message ages, until a
 * final state or the give-up age.
 */
import type { Sql } from "@/lib/db/sql";
import type { EngineAccount } from "./engine-types";
import { ingestReports } from "./reports/ingest-reports";

const GIVE_UP_AFTER_MS = 72 * 3600_000;
const PER_ROUND = 200;
const POLL_FAILURE_BACKOFF_MS = 60_000;

type DueMessage = { id: number; providerAccountId: number; providerMessageId: string; submittedAt: string | Date | null };

/** Next poll: half the message's age, between 5 seconds and 30 minutes; none past the give-up age. */
export function nextPollDelayMs(ageMs: number): number | null {
  if (ageMs > GIVE_UP_AFTER_MS) return null;
  return Math.min(30 * 60_000, Math.max(5000, ageMs / 2));
}

export async function pollDueReports(sql: Sql, account: (id: number) => Promise<EngineAccount | undefined>, now = new Date()): Promise<number> {
  const due = await sql.all<DueMessage>(
    `SELECT "id", "providerAccountId", "providerMessageId", "submittedAt" FROM "Message"
     WHERE "nextPollAt" IS NOT NULL AND "nextPollAt" <= ? AND "providerMessageId" IS NOT NULL AND "state" IN ('submitted', 'sent', 'unknown')
     ORDER BY "nextPollAt" LIMIT ?`,
    [now, PER_ROUND],
  );
  const byAccount = new Map<number, typeof due>();
  for (const row of due) byAccount.set(Number(row.providerAccountId), [...(byAccount.get(Number(row.providerAccountId)) ?? []), row]);
  for (const [accountId, rows] of byAccount) {
    try {
      await pollAccount(sql, accountId, rows, account, now);
    } catch (error) {
      // One gateway failing must not stop the others, nor be asked again at once about the same messages.
      console.error(`[poll reports] account ${accountId}: ${(error as Error).message}`);
      const later = new Date(now.getTime() + POLL_FAILURE_BACKOFF_MS);
      for (const row of rows) await sql.run(`UPDATE "Message" SET "nextPollAt" = ? WHERE "id" = ?`, [later, Number(row.id)]);
    }
  }
  return due.length;
}

async function pollAccount(sql: Sql, accountId: number, rows: DueMessage[], account: (id: number) => Promise<EngineAccount | undefined>, now: Date): Promise<void> {
  const engineAccount = await account(accountId);
  if (!engineAccount?.adapter.pollReports) return;
  const events = await engineAccount.adapter.pollReports(rows.map((r) => r.providerMessageId));
  await ingestReports(sql, accountId, events, now);
  for (const row of rows) {
    const age = now.getTime() - new Date(row.submittedAt ?? now).getTime();
    const delay = nextPollDelayMs(age);
    await sql.run(
      `UPDATE "Message" SET "nextPollAt" = ? WHERE "id" = ? AND "state" IN ('submitted', 'sent', 'unknown')`,
      [delay === null ? null : new Date(now.getTime() + delay), Number(row.id)],
    );
  }
}
