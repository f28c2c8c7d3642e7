/**
 * Delivery-report ingestion through `ingestReports`, the function the webhook route and report polling
 * call: `delivered` reports for messages a campaign sent, as webhooks bring them (one report per request,
 * several requests at once) and as a poll round brings them (100 per call).
 */
import { sqlFor } from "@/lib/db/sql";
import { ingestReports } from "@/lib/delivery/reports/ingest-reports";
import type { ReportEvent } from "@/lib/providers/types";
import type { TestDatabase } from "@/lib/testing/test-databases";

export interface IngestionFigures {
  per_s: number;
  /** How long a call waited for its reports to be committed: what a webhook's answer waits for (target 100 ms). */
  call_p50_ms: number;
  call_p99_ms: number;
}

/** Reports per second for `count` messages of `campaignId`, ingested `perCall` at a time, `concurrency` calls at once. */
export async function benchReportIngestion(database: TestDatabase, campaignId: number, offset: number, count: number, perCall: number, concurrency: number): Promise<IngestionFigures> {
  const sql = sqlFor(database.raw);
  const rows = await sql.all<{ providerAccountId: number; providerMessageId: string }>(
    `SELECT "providerAccountId", "providerMessageId" FROM "Message" WHERE "campaignId" = ? AND "providerMessageId" IS NOT NULL ORDER BY "id" LIMIT ? OFFSET ?`,
    [campaignId, count, offset],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} messages with ids to report on`);
  const accountId = Number(rows[0].providerAccountId);
  const calls: ReportEvent[][] = [];
  for (let i = 0; i < rows.length; i += perCall) {
    calls.push(rows.slice(i, i + perCall).map((r) => ({ kind: "status", providerMessageId: r.providerMessageId, state: "delivered", rawStatus: "DELIVERED" })));
  }
  let next = 0;
  const waits: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls.length) {
        const events = calls[next++];
        const called = performance.now();
        const tally = await ingestReports(sql, accountId, events);
        waits.push(performance.now() - called);
        if (tally.applied !== events.length) throw new Error(`reports not applied: ${JSON.stringify(tally)}`);
      }
    }),
  );
  const perSecond = Math.round(count / ((performance.now() - started) / 1000));
  waits.sort((a, b) => a - b);
  const percentile = (p: number) => Number(waits[Math.min(waits.length - 1, Math.floor(p * waits.length))].toFixed(1));
  return { per_s: perSecond, call_p50_ms: percentile(0.5), call_p99_ms: percentile(0.99) };
}
