/** Stores and applies a webhook's or a poll's reports for one account, in one transaction. */
import type { Sql } from "@/lib/db/sql";
import type { ReportEvent } from "@/lib/providers/types";
import { CounterDelta } from "../counters";
import { applyReport, type ApplyResult } from "./apply-report";

export async function ingestReports(sql: Sql, accountId: number, events: ReportEvent[], now = new Date()): Promise<Record<ApplyResult, number>> {
  const tally: Record<ApplyResult, number> = { applied: 0, unchanged: 0, unmatched: 0 };
  if (events.length === 0) return tally;
  await sql.transaction(async (tx) => {
    const counters = new CounterDelta();
    for (const event of events) tally[await applyReport(tx, accountId, event, now, counters)] += 1;
    await counters.write(tx);
  });
  return tally;
}
