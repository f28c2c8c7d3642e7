/**
 * Reports that overtook the id they refer to (a DIDWW callback before our commit, a Jasmin DLR before the
 * batch callback) wait in UnmatchedReport; this applies them once the ids are known, then forgets them.
 */
import type { Sql } from "@/lib/db/sql";
import type { ReportEvent } from "@/lib/providers/types";
import { CounterDelta } from "../counters";
import { applyReport } from "./apply-report";

interface PendingRow {
  id: number;
  event: string | ReportEvent;
}

const revive = (raw: string | ReportEvent): ReportEvent => {
  const event = (typeof raw === "string" ? JSON.parse(raw) : raw) as ReportEvent;
  if (event.kind === "status" && event.occurredAt) event.occurredAt = new Date(event.occurredAt);
  return event;
};

async function applyRows(tx: Sql, accountId: number, rows: PendingRow[], now: Date, counters: CounterDelta): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(`DELETE FROM "UnmatchedReport" WHERE "id" IN (${rows.map(() => "?").join(", ")})`, rows.map((r) => Number(r.id)));
  for (const row of rows) await applyReport(tx, accountId, revive(row.event), now, counters);
}

/** Applies waiting reports for these provider message ids (in the caller's transaction). */
export async function applyPendingReports(tx: Sql, accountId: number, providerMessageIds: string[], now: Date, counters?: CounterDelta): Promise<void> {
  const own = counters ?? new CounterDelta();
  for (let i = 0; i < providerMessageIds.length; i += 500) {
    const chunk = providerMessageIds.slice(i, i + 500);
    const rows = await tx.all<PendingRow>(
      `SELECT "id", "event" FROM "UnmatchedReport" WHERE "providerAccountId" = ? AND "providerMessageId" IN (${chunk.map(() => "?").join(", ")}) ORDER BY "id"`,
      [accountId, ...chunk],
    );
    await applyRows(tx, accountId, rows, now, own);
  }
  if (!counters) await own.write(tx);
}

/** Applies waiting batch callbacks for a batch whose id was just recorded. */
export async function applyPendingBatch(tx: Sql, accountId: number, batchId: string, now: Date): Promise<void> {
  const rows = await tx.all<PendingRow>(`SELECT "id", "event" FROM "UnmatchedReport" WHERE "providerAccountId" = ? AND "batchId" = ? ORDER BY "id"`, [accountId, batchId]);
  const counters = new CounterDelta();
  await applyRows(tx, accountId, rows, now, counters);
  await counters.write(tx);
}

/** Drops reports that waited longer than their time to live. */
export async function expireUnmatched(sql: Sql, now: Date): Promise<number> {
  return sql.run(`DELETE FROM "UnmatchedReport" WHERE "expiresAt" < ?`, [now]);
}
