/**
 * The statements that apply one import chunk on PostgreSQL, inside a transaction its caller owns: the rows
 * COPied into a temporary table (dropped at commit), contacts, memberships and opt-out events written by
 * set-based statements over it, then the job's counters. Used by the pipelined file importer
 * (import-pipeline.postgres.ts), which orders these differently from the one-chunk writer.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type ChunkOutcome, type ChunkWrite, checkGate, type JobGate, OPT_OUT_SOURCE_IMPORT } from "./chunk-contract";

/** Prisma keeps UTC in `timestamp(3)` columns; we pass text in that form so no session time zone applies. */
export function pgTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Locks the job row until the transaction ends and checks the chunk is the next one (`checkGate`): false
 * for a chunk already applied. The lock serialises writers of the same import.
 */
export async function lockGate(client: pg.ClientBase, chunk: Pick<ChunkWrite, "jobId" | "chunkIndex" | "listId">): Promise<boolean> {
  const gate = await client.query<JobGate>(`SELECT status::text AS status, "chunksDone", "listId" FROM "ImportJob" WHERE id = $1 FOR UPDATE`, [chunk.jobId]);
  return checkGate(gate.rows[0], chunk);
}

/** The chunk's rows (COPY text, see contact-rows.ts) into the temporary table `import_rows`. */
export async function loadRows(client: pg.ClientBase, parts: readonly string[]): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE import_rows (phone text COLLATE "C", "firstName" text, "lastName" text, fields jsonb, country text, "optOut" boolean) ON COMMIT DROP`,
  );
  await pipeline(Readable.from(parts), client.query(copyFrom(`COPY import_rows FROM STDIN`)));
}

/** A chunk without its rows, which are in `import_rows` by then. */
export type ChunkCounts = Omit<ChunkWrite, "contacts">;

export interface ApplyContext {
  /** The job's stamp and the transaction's time, as `pgTimestamp` text. */
  stamp: string;
  now: string;
  /** OptOutEvent.detail: which import opted the number out. */
  detail: string;
}

export function applyContext(chunk: ChunkCounts, now = new Date()): ApplyContext {
  return { stamp: pgTimestamp(chunk.stamp), now: pgTimestamp(now), detail: `import #${chunk.jobId}` };
}

/** Applies `import_rows`: contacts, list memberships and opt-out events; returns what it created and updated. */
export async function applyRows(client: pg.ClientBase, chunk: ChunkCounts, { stamp, now, detail }: ApplyContext): Promise<{ created: number; updated: number }> {
  if (chunk.contactCount === 0) return { created: 0, updated: 0 };
  if (chunk.optOuts > 0) {
    // Existing contacts this chunk opts out, recorded before the upsert changes what "already opted out" means.
    await client.query(
      `INSERT INTO "OptOutEvent" ("contactId", "optedOut", source, detail, "userId", "createdAt")
       SELECT c.id, true, '${OPT_OUT_SOURCE_IMPORT}', $1, $2, $3::timestamp(3)
       FROM import_rows r JOIN "Contact" c ON c.phone = r.phone
       WHERE r."optOut" AND NOT c."optedOut" AND c."updatedAt" <> $4::timestamp(3)`,
      [detail, chunk.userId, now, stamp],
    );
  }
  // One statement: the upsert in phone order (index locality; a contact this job already touched is a repeat
  // from an earlier chunk and is left alone), then list memberships and opt-out events for what it returned.
  // A contact created here has no memberships yet, so its membership is a plain insert (ON CONFLICT's
  // speculative insertion costs an extra index probe and WAL record per row).
  const result = await client.query<{ created: number; updated: number }>(
    `WITH up AS (
       INSERT INTO "Contact" AS c (phone, "firstName", "lastName", fields, country, "optedOut", "optedOutAt", "optOutSource", source, "createdAt", "updatedAt")
       SELECT phone, "firstName", "lastName", coalesce(fields, '{}'::jsonb), country, "optOut", CASE WHEN "optOut" THEN $1::timestamp(3) END,
              CASE WHEN "optOut" THEN '${OPT_OUT_SOURCE_IMPORT}' END, 'import', $2::timestamp(3), $2::timestamp(3) FROM import_rows ORDER BY phone
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
     ), new_members AS (
       INSERT INTO "ListMembership" ("listId", "contactId", "addedAt")
       SELECT $3::int, id, $1::timestamp(3) FROM up WHERE inserted AND $3::int IS NOT NULL
     ), old_members AS (
       INSERT INTO "ListMembership" ("listId", "contactId", "addedAt")
       SELECT $3::int, id, $1::timestamp(3) FROM up WHERE NOT inserted AND $3::int IS NOT NULL ON CONFLICT DO NOTHING
     ), events AS (
       INSERT INTO "OptOutEvent" ("contactId", "optedOut", source, detail, "userId", "createdAt")
       SELECT id, true, '${OPT_OUT_SOURCE_IMPORT}', $4, $5, $1::timestamp(3) FROM up WHERE inserted AND "optedOut"
     )
     SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM up`,
    [now, stamp, chunk.listId, detail, chunk.userId],
  );
  return result.rows[0];
}

/** The chunk's outcome once applied: rows neither created nor updated repeated contacts an earlier chunk wrote. */
export function chunkOutcome(chunk: ChunkCounts, written: { created: number; updated: number }): ChunkOutcome {
  return { applied: true, ...written, duplicates: chunk.duplicates + chunk.contactCount - written.created - written.updated, rejected: chunk.rejected.length };
}

/** The chunk's rejected rows and the job's counters, which move `chunksDone` past this chunk. */
export async function recordChunk(client: pg.ClientBase, chunk: ChunkCounts, outcome: ChunkOutcome, { now }: ApplyContext): Promise<void> {
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
}
