/**
 * PostgreSQL side of `writeChunk`: the chunk's rows are COPied into a temporary table (dropped at commit),
 * then applied by set-based statements over it (import-apply.postgres.ts), so a chunk costs a few round
 * trips whatever its size. The job row is locked first, which serialises concurrent uploads of the same import.
 */
import type pg from "pg";
import { type ChunkOutcome, type ChunkWrite, checkGate, type JobGate } from "./chunk-contract";
import { applyContext, applyRows, chunkOutcome, loadRows, recordChunk } from "./import-apply.postgres";

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
  const context = applyContext(chunk);
  if (chunk.contactCount > 0) await loadRows(client, chunk.contacts);
  const outcome = chunkOutcome(chunk, await applyRows(client, chunk, context));
  await recordChunk(client, chunk, outcome, context);
  return outcome;
}
