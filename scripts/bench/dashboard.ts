/**
 * `npm run bench:dashboard`: seeds 1,000,000 messages over 30 days across 3 accounts and 50 campaigns and
 * prints the server time of the overview dashboard and of a campaign report (its figures plus the first
 * page of recipients) at 100,000 and at 1,000,000 messages, on SQLite and, when TEST_POSTGRES_URL is set,
 * on PostgreSQL. Each time is the median of 7 runs after one warm-up. The last line printed is JSON.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { openRawDb } from "@/lib/db/raw";
import { sqlFor, type Sql } from "@/lib/db/sql";
import { recountCampaign } from "@/lib/delivery/counters";
import { getCampaignReport } from "@/lib/stats/campaign-report";
import { getOverview } from "@/lib/stats/overview";
import { periodSchema, resolvePeriod } from "@/lib/stats/period";
import { listRecipients } from "@/lib/stats/recipients";
import { createPgDatabase, dropPgDatabase, pgUrlFor } from "@/scripts/db/pg-databases";
import { CAMPAIGNS, seedFixtures, seedMessages } from "./dashboard/seed";

const RUNS = 7;
const TIME_ZONE = "Europe/Amsterdam";

interface Figures { overview_ms_100k: number; overview_ms_1m: number; report_ms_100k: number; report_ms_1m: number }

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 10) / 10;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function rebuildRollups(sql: Sql, campaignIds: number[]): Promise<void> {
  for (const id of campaignIds) await sql.transaction((tx) => recountCampaign(tx, id));
}

async function measure(sql: Sql, campaignId: number, now: Date): Promise<{ overview: number; report: number }> {
  const period = resolvePeriod(periodSchema.parse({ period: "30d" }), TIME_ZONE, now);
  const overview = await medianMs(() => getOverview(sql, { period, timeZone: TIME_ZONE }));
  const report = await medianMs(() => Promise.all([getCampaignReport(sql, campaignId), listRecipients(sql, campaignId, {})]));
  return { overview, report };
}

async function runOn(name: "sqlite" | "postgres", url: string): Promise<Figures> {
  console.log(`${name}:`);
  await applyMigrations(url);
  const raw = openRawDb(url);
  try {
    const sql = sqlFor(raw);
    const now = new Date();
    const seeded = await seedFixtures(sql, now);
    const reportCampaign = seeded.campaignIds[Math.floor(CAMPAIGNS / 2)];

    await timed("seed 100,000 messages", () => seedMessages(sql, seeded, 0, 2_000));
    await timed("rebuild counters and rollups (npm run recount -- --rebuild)", () => rebuildRollups(sql, seeded.campaignIds));
    const small = await measure(sql, reportCampaign, now);
    console.log(`  at 100,000: overview ${small.overview} ms, campaign report ${small.report} ms`);

    await timed("seed 900,000 more messages", () => seedMessages(sql, seeded, 2_000, 20_000));
    await timed("rebuild counters and rollups", () => rebuildRollups(sql, seeded.campaignIds));
    const [{ n }] = await sql.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "Message"`);
    const [{ rows }] = await sql.all<{ rows: number | string }>(`SELECT COUNT(*) AS rows FROM "DeliveryStat"`);
    console.log(`  ${Number(n).toLocaleString("en")} messages, ${Number(rows).toLocaleString("en")} rollup rows`);
    const large = await measure(sql, reportCampaign, now);
    console.log(`  at 1,000,000: overview ${large.overview} ms, campaign report ${large.report} ms`);
    return { overview_ms_100k: small.overview, overview_ms_1m: large.overview, report_ms_100k: small.report, report_ms_1m: large.report };
  } finally {
    await raw.close();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "smscm-bench-dashboard-"));
let sqlite: Figures;
try {
  sqlite = await runOn("sqlite", `file:${path.join(dir, "bench.db")}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The one place this benchmark reads the environment, like the test suites: whether to run on PostgreSQL too.
const pgServer = process.env.TEST_POSTGRES_URL;
let postgres: Figures | null = null;
if (pgServer) {
  const database = await createPgDatabase(pgServer, "bench-dashboard");
  try {
    postgres = await runOn("postgres", pgUrlFor(pgServer, database));
  } finally {
    await dropPgDatabase(pgServer, database);
  }
}
console.log(JSON.stringify({ sqlite, postgres }));
