/**
 * PostgreSQL side of `writeChunk`: the chunk's rows are COPied into a temporary table (dropped at commit),
 * then applied by set-based statements over it (import-apply.postgres.ts), so a chunk costs a few round
 * trips whatever its size. The job row is locked first, which serialises concurrent uploads of the same import.
 */
import type pg from "pg";
import { type ChunkOutcome, type ChunkWrite, NOT_APPLIED } from "./chunk-contract";
import { applyContext, applyRows, chunkOutcome, loadRows, lockGate, recordChunk } from "./import-apply.postgres";

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
  if (!(await lockGate(client, chunk))) return NOT_APPLIED;
  const context = applyContext(chunk);
  if (chunk.contactCount > 0) await loadRows(client, chunk.contacts);
  const outcome = chunkOutcome(chunk, await applyRows(client, chunk, context));
  await recordChunk(client, chunk, outcome, context);
  return outcome;
}
