/**
 * PostgreSQL side of `writeChunk`: set-based statements over the chunk's JSON rows (`jsonb_array_elements`),
 * so a chunk costs a few round trips whatever its size, and the client sends one string instead of building
 * per-column arrays. The job row is locked first, which serialises concurrent uploads of the same import.
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
  const outcome: ChunkOutcome = { applied: true, created: 0, updated: 0, duplicates: 0, rejected: chunk.rejected.length };
  for (const contacts of chunk.contacts) await writePart(client, chunk, contacts, { stamp, now, detail }, outcome);
  // Rows neither created nor updated were repeats of contacts an earlier chunk of this job wrote.
  outcome.duplicates = chunk.duplicates + chunk.contactCount - outcome.created - outcome.updated;
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

/** Writes one part of a chunk's contacts (a JSON array of ContactRow), adding to the chunk's outcome. */
async function writePart(
  client: pg.PoolClient,
  chunk: ChunkWrite,
  contacts: string,
  { stamp, now, detail }: { stamp: string; now: string; detail: string },
  outcome: ChunkOutcome,
): Promise<void> {
  if (chunk.optOuts > 0) {
    // Existing contacts this part opts out, recorded before the upsert changes what "already opted out" means.
    await client.query(
      `INSERT INTO "OptOutEvent" ("contactId", "optedOut", source, detail, "userId", "createdAt")
       SELECT c.id, true, '${OPT_OUT_SOURCE_IMPORT}', $2, $3, $4::timestamp(3)
       FROM jsonb_array_elements($1::jsonb) AS e JOIN "Contact" c ON c.phone = e->>0
       WHERE (e->>5)::int = 1 AND NOT c."optedOut" AND c."updatedAt" <> $5::timestamp(3)`,
      [contacts, detail, chunk.userId, now, stamp],
    );
  }
  // One statement: the upsert in phone order (index locality; a contact this job already touched is a repeat
  // from an earlier chunk and is left alone), then list memberships and opt-out events for what it returned.
  const result = await client.query<{ created: number; updated: number }>(
    `WITH input AS (
       SELECT e->>0 AS phone, e->>1 AS first, e->>2 AS last, coalesce(nullif(e->3, 'null'::jsonb), '{}'::jsonb) AS fields,
              e->>4 AS country, (e->>5)::int = 1 AS opt
       FROM jsonb_array_elements($1::jsonb) AS e
     ), up AS (
       INSERT INTO "Contact" AS c (phone, "firstName", "lastName", fields, country, "optedOut", "optedOutAt", "optOutSource", source, "createdAt", "updatedAt")
       SELECT phone, first, last, fields, country, opt, CASE WHEN opt THEN $2::timestamp(3) END,
              CASE WHEN opt THEN '${OPT_OUT_SOURCE_IMPORT}' END, 'import', $3::timestamp(3), $3::timestamp(3) FROM input ORDER BY phone
       ON CONFLICT (phone) DO UPDATE SET
         "firstName" = COALESCE(EXCLUDED."firstName", c."firstName"),
         "lastName" = COALESCE(EXCLUDED."lastName", c."lastName"),
         fields = c.fields || EXCLUDED.fields,
         country = EXCLUDED.country,
         "optedOut" = c."optedOut" OR EXCLUDED."optedOut",
         "optedOutAt" = CASE WHEN EXCLUDED."optedOut" AND NOT c."optedOut" THEN EXCLUDED."optedOutAt" ELSE c."optedOutAt" END,
         "optOutSource" = CASE WHEN EXCLUDED."optedOut" AND NOT c."optedOut" THEN EXCLUDED."optOutSource" ELSE c."optOutSource" END,
         "updatedAt" = EXCLUDED."updatedAt"
       WHERE c."updatedAt" <> EXCLUDED."updatedAt"
       RETURNING id, (xmax = 0) AS inserted, "optedOut"
     ), members AS (
       INSERT INTO "ListMembership" ("listId", "contactId", "addedAt")
       SELECT $4::int, id, $2::timestamp(3) FROM up WHERE $4::int IS NOT NULL ON CONFLICT DO NOTHING
     ), events AS (
       INSERT INTO "OptOutEvent" ("contactId", "optedOut", source, detail, "userId", "createdAt")
       SELECT id, true, '${OPT_OUT_SOURCE_IMPORT}', $5, $6, $2::timestamp(3) FROM up WHERE inserted AND "optedOut"
     )
     SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM up`,
    [contacts, now, stamp, chunk.listId, detail, chunk.userId],
  );
  outcome.created += result.rows[0].created;
  outcome.updated += result.rows[0].updated;
}
