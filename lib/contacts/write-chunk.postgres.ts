/**
 * PostgreSQL side of `writeChunk`: a handful of set-based statements over arrays (`unnest`), so a chunk of
 * 5,000 rows costs a few round trips whatever its size. The job row is locked first, which serialises
 * concurrent uploads of the same import.
 */
import type pg from "pg";
import { type ChunkOutcome, type ChunkWrite, checkGate, type JobGate, OPT_OUT_SOURCE_IMPORT } from "./chunk-contract";

/** Prisma keeps UTC in `timestamp(3)` columns; we pass text in that form so no session time zone applies. */
export function pgTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

export async function writeChunkPostgres(pool: pg.Pool, chunk: ChunkWrite): Promise<ChunkOutcome> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const outcome = await writeInTransaction(client, chunk);
    await client.query("COMMIT");
    return outcome;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function writeInTransaction(client: pg.PoolClient, chunk: ChunkWrite): Promise<ChunkOutcome> {
  const gate = await client.query<JobGate>(`SELECT status::text AS status, "chunksDone" FROM "ImportJob" WHERE id = $1 FOR UPDATE`, [chunk.jobId]);
  if (!checkGate(gate.rows[0], chunk.chunkIndex)) return { applied: false, created: 0, updated: 0, duplicates: 0, rejected: 0 };
  const stamp = pgTimestamp(chunk.stamp);
  const now = pgTimestamp(new Date());
  const detail = `import #${chunk.jobId}`;
  const outcome: ChunkOutcome = { applied: true, created: 0, updated: 0, duplicates: chunk.duplicates, rejected: chunk.rejected.length };

  const existing = await client.query<{ phone: string; optedOut: boolean; touched: boolean }>(
    `SELECT phone, "optedOut", "updatedAt" = $2::timestamp(3) AS touched FROM "Contact" WHERE phone = ANY($1::text[])`,
    [chunk.contacts.map((c) => c.phone), stamp],
  );
  const known = new Map(existing.rows.map((row) => [row.phone, row]));
  const rows = chunk.contacts.filter((c) => !known.get(c.phone)?.touched);
  outcome.duplicates += chunk.contacts.length - rows.length;

  if (rows.length > 0) {
    const upserted = await client.query<{ id: number; phone: string; inserted: boolean }>(
      `INSERT INTO "Contact" AS c (phone, "firstName", "lastName", fields, country, "optedOut", "optedOutAt", "optOutSource", source, "createdAt", "updatedAt")
       SELECT u.phone, u.first, u.last, u.fields, u.country, u.opt, CASE WHEN u.opt THEN $7::timestamp(3) END,
              CASE WHEN u.opt THEN '${OPT_OUT_SOURCE_IMPORT}' END, 'import', $8::timestamp(3), $8::timestamp(3)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::boolean[]) AS u(phone, first, last, fields, country, opt)
       ON CONFLICT (phone) DO UPDATE SET
         "firstName" = COALESCE(EXCLUDED."firstName", c."firstName"),
         "lastName" = COALESCE(EXCLUDED."lastName", c."lastName"),
         fields = c.fields || EXCLUDED.fields,
         country = EXCLUDED.country,
         "optedOut" = c."optedOut" OR EXCLUDED."optedOut",
         "optedOutAt" = CASE WHEN EXCLUDED."optedOut" AND NOT c."optedOut" THEN EXCLUDED."optedOutAt" ELSE c."optedOutAt" END,
         "optOutSource" = CASE WHEN EXCLUDED."optedOut" AND NOT c."optedOut" THEN EXCLUDED."optOutSource" ELSE c."optOutSource" END,
         "updatedAt" = EXCLUDED."updatedAt"
       RETURNING id, phone, (xmax = 0) AS inserted`,
      [
        rows.map((c) => c.phone),
        rows.map((c) => c.firstName),
        rows.map((c) => c.lastName),
        rows.map((c) => JSON.stringify(c.fields ?? {})),
        rows.map((c) => c.country),
        rows.map((c) => c.optOut),
        now,
        stamp,
      ],
    );
    const optOut = new Set(rows.filter((c) => c.optOut && !known.get(c.phone)?.optedOut).map((c) => c.phone));
    const ids: number[] = [];
    const optedOutIds: number[] = [];
    for (const row of upserted.rows) {
      ids.push(row.id);
      if (row.inserted) outcome.created++;
      else outcome.updated++;
      if (optOut.has(row.phone)) optedOutIds.push(row.id);
    }
    if (chunk.listId !== null) {
      await client.query(
        `INSERT INTO "ListMembership" ("listId", "contactId", "addedAt") SELECT $1, unnest($2::int[]), $3::timestamp(3) ON CONFLICT DO NOTHING`,
        [chunk.listId, ids, now],
      );
    }
    if (optedOutIds.length > 0) {
      await client.query(
        `INSERT INTO "OptOutEvent" ("contactId", "optedOut", source, detail, "userId", "createdAt")
         SELECT unnest($1::int[]), true, '${OPT_OUT_SOURCE_IMPORT}', $2, $3, $4::timestamp(3)`,
        [optedOutIds, detail, chunk.userId, now],
      );
    }
  }
  if (chunk.rejected.length > 0) {
    await client.query(
      `INSERT INTO "ImportRejectedRow" ("importJobId", "rowNumber", raw, reason) SELECT $1, unnest($2::int[]), unnest($3::text[]), unnest($4::text[])`,
      [chunk.jobId, chunk.rejected.map((r) => r.rowNumber), chunk.rejected.map((r) => r.raw), chunk.rejected.map((r) => r.reason)],
    );
  }
  await client.query(
    `UPDATE "ImportJob" SET "rowsRead" = "rowsRead" + $2, "createdCount" = "createdCount" + $3, "updatedCount" = "updatedCount" + $4,
       "duplicateCount" = "duplicateCount" + $5, "rejectedCount" = "rejectedCount" + $6, "chunksDone" = "chunksDone" + 1,
       "updatedAt" = $7::timestamp(3) WHERE id = $1`,
    [chunk.jobId, chunk.rowsRead, outcome.created, outcome.updated, outcome.duplicates, outcome.rejected, now],
  );
  return outcome;
}
