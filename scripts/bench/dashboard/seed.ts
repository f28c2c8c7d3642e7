/**
 * Seeds the dashboard benchmark: 3 accounts, 20,000 contacts and 50 campaigns spread over the last 30
 * days, then messages in set-based INSERT … SELECT statements generated inside the database (SQLite: a
 * recursive CTE; PostgreSQL: generate_series), so a million rows take seconds. Outcomes follow a fixed
 * mix (85% delivered, failures, rejections, skips…) with latencies of 2–60 s.
 */
import type { Sql } from "@/lib/db/sql";

export const CAMPAIGNS = 50;
export const CONTACTS = 20_000;
const DAY_MS = 24 * 3600_000;
const SECONDS_PER_MESSAGE = 0.7;

export interface Seeded {
  campaignIds: number[];
  /** When each campaign started sending. */
  startsAt: Date[];
}

export async function seedFixtures(sql: Sql, now: Date): Promise<Seeded> {
  const accounts: number[] = [];
  for (const [i, currency] of ["EUR", "USD", "EUR"].entries()) {
    const [row] = await sql.all<{ id: number }>(
      `INSERT INTO "ProviderAccount" ("vendor", "name", "credentialsEncrypted", "options", "baseUrl", "pricePerSegment", "currency", "webhookToken", "createdAt", "updatedAt")
       VALUES ('simulator', ?, 'unused', '{}', 'http://bench.test', ?, ?, ?, ?, ?) RETURNING "id"`,
      [`Bench account ${i + 1}`, 0.01 * (i + 1), currency, `bench-token-${i}`, now, now],
    );
    accounts.push(Number(row.id));
  }
  await sql.run(
    sql.dialect === "sqlite"
      ? `INSERT INTO "Contact" ("phone", "firstName", "fields", "source", "createdAt", "updatedAt")
         WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${CONTACTS - 1})
         SELECT '+3161' || (1000000 + i), 'Name' || i, '{}', 'bench', ?, ? FROM seq`
      : `INSERT INTO "Contact" ("phone", "firstName", "fields", "source", "createdAt", "updatedAt")
         SELECT '+3161' || (1000000 + i), 'Name' || i, '{}', 'bench', ?::timestamp, ?::timestamp FROM generate_series(0, ${CONTACTS - 1}) AS i`,
    [now, now],
  );
  const campaignIds: number[] = [];
  const startsAt: Date[] = [];
  for (let k = 0; k < CAMPAIGNS; k++) {
    const start = new Date(now.getTime() - 30 * DAY_MS + 3600_000 + k * ((30 * DAY_MS - 8 * 3600_000) / CAMPAIGNS));
    const [row] = await sql.all<{ id: number }>(
      `INSERT INTO "Campaign" ("name", "kind", "status", "providerAccountId", "text", "launchedAt", "completedAt", "createdAt", "updatedAt")
       VALUES (?, 'bulk', 'completed', ?, 'Hello {{first_name}}', ?, ?, ?, ?) RETURNING "id"`,
      [`Bench campaign ${k + 1}`, accounts[k % accounts.length], start, start, start, start],
    );
    campaignIds.push(Number(row.id));
    startsAt.push(start);
  }
  return { campaignIds, startsAt };
}

/**
 * Inserts messages for contacts [first, last) of every campaign. Columns are computed from the row number
 * `i`: state from a scrambled i % 100, hand-over at start + i × 0.7 s, delivery 2–60 s later.
 */
export async function seedMessages(sql: Sql, seeded: Seeded, first: number, last: number): Promise<void> {
  for (const [k, campaignId] of seeded.campaignIds.entries()) {
    const [account] = await sql.all<{ providerAccountId: number }>(`SELECT "providerAccountId" FROM "Campaign" WHERE "id" = ?`, [campaignId]);
    const startMs = seeded.startsAt[k].getTime();
    await sql.transaction(async (tx) => tx.run(insertSql(tx.dialect, { campaignId, accountId: Number(account.providerAccountId), startSeconds: startMs / 1000, first, last })));
  }
  if (sql.dialect === "postgres") await sql.run(`ANALYZE`);
}

/** The INSERT … SELECT for one campaign; every value interpolated is a number this script computed. */
function insertSql(dialect: Sql["dialect"], v: { campaignId: number; accountId: number; startSeconds: number; first: number; last: number }): string {
  const { campaignId, accountId, startSeconds, first, last } = v;
  const r = `((i * 7919) % 100)`;
  const state = `CASE WHEN ${r} < 85 THEN 'delivered' WHEN ${r} < 89 THEN 'undelivered' WHEN ${r} < 92 THEN 'failed' WHEN ${r} < 94 THEN 'rejected'
    WHEN ${r} < 95 THEN 'expired' WHEN ${r} < 96 THEN 'unknown' WHEN ${r} < 98 THEN 'sent' WHEN ${r} < 99 THEN 'submitted' ELSE 'skipped' END`;
  const handedOver = `${r} < 92 OR (${r} >= 96 AND ${r} < 99)`;
  const final = `${r} < 96 OR ${r} >= 99`;
  const errorCode = `CASE WHEN ${r} >= 85 AND ${r} < 89 THEN 'UNDELIV' WHEN ${r} >= 89 AND ${r} < 92 THEN (CASE WHEN i % 2 = 0 THEN 'REJECTD' ELSE '1705' END) WHEN ${r} >= 92 AND ${r} < 94 THEN '400' END`;
  const errorText = `CASE WHEN ${r} >= 85 AND ${r} < 89 THEN 'Handset unreachable' WHEN ${r} >= 89 AND ${r} < 92 THEN 'Rejected by the carrier' WHEN ${r} >= 92 AND ${r} < 94 THEN 'Invalid destination' END`;
  const latencySeconds = `(2 + ((i * 104729) % 58000) / 1000.0)`;
  const segments = `(CASE WHEN i % 10 = 0 THEN 2 ELSE 1 END)`;
  if (dialect === "sqlite") {
    const at = (seconds: string) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${startSeconds} + ${seconds}, 'unixepoch')`;
    return `INSERT INTO "Message" ("campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "errorCode", "errorText",
        "providerAccountId", "cost", "attemptCount", "createdAt", "submittedAt", "finalAt", "updatedAt")
      WITH RECURSIVE seq(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM seq WHERE i < ${last - 1})
      SELECT ${campaignId}, c."id", c."phone", 'Hello ' || c."firstName", 'GSM7', ${segments}, ${state}, CASE WHEN ${r} >= 99 THEN 'opted_out' END, ${errorCode}, ${errorText},
        ${accountId}, CASE WHEN ${accountId} % 3 = 0 AND ${r} < 85 THEN 0.05 * ${segments} END, CASE WHEN ${r} >= 99 THEN 0 ELSE 1 END, ${at("0")},
        CASE WHEN ${handedOver} THEN ${at(`i * ${SECONDS_PER_MESSAGE}`)} END,
        CASE WHEN ${final} THEN ${at(`i * ${SECONDS_PER_MESSAGE} + ${latencySeconds}`)} END, ${at("0")}
      FROM seq JOIN "Contact" c ON c."id" = (SELECT MIN("id") FROM "Contact") + seq.i`;
  }
  const at = (seconds: string) => `to_timestamp(${startSeconds} + ${seconds}) AT TIME ZONE 'UTC'`;
  return `INSERT INTO "Message" ("campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "errorCode", "errorText",
      "providerAccountId", "cost", "attemptCount", "createdAt", "submittedAt", "finalAt", "updatedAt")
    SELECT ${campaignId}, c."id", c."phone", 'Hello ' || c."firstName", 'GSM7', ${segments}, (${state})::"MessageState", CASE WHEN ${r} >= 99 THEN 'opted_out' END, ${errorCode}, ${errorText},
      ${accountId}, CASE WHEN ${accountId} % 3 = 0 AND ${r} < 85 THEN 0.05 * ${segments} END, CASE WHEN ${r} >= 99 THEN 0 ELSE 1 END, ${at("0")},
      CASE WHEN ${handedOver} THEN ${at(`i * ${SECONDS_PER_MESSAGE}`)} END,
      CASE WHEN ${final} THEN ${at(`i * ${SECONDS_PER_MESSAGE} + ${latencySeconds}`)} END, ${at("0")}
    FROM generate_series(${first}, ${last - 1}) AS i JOIN "Contact" c ON c."id" = (SELECT MIN("id") FROM "Contact") + i`;
}
