/**
 * Applies one prepared import chunk in one transaction, together with the job's counters, so a failure at
 * any point (a closed tab, a killed server) leaves each chunk either fully in or fully out. Chunks are
 * numbered: a chunk already applied (a retried upload) changes nothing, and one that skips ahead is refused.
 *
 * Within-file duplicates across chunks: every contact an import creates or updates gets the job's `stamp`
 * as `updatedAt`, so a later row with a number whose contact carries this job's stamp is a duplicate inside
 * the file (the first row wins), while any other existing contact is an update. Contacts touched by an
 * import therefore show the import's start as their last update.
 */
import type { RawDb } from "@/lib/db/raw";
import type { ChunkOutcome, ChunkWrite } from "./chunk-contract";
import { writeChunkPostgres } from "./write-chunk.postgres";
import { writeChunkSqlite } from "./write-chunk.sqlite";

export type { ChunkOutcome, ChunkWrite } from "./chunk-contract";

export async function writeChunk(raw: RawDb, chunk: ChunkWrite): Promise<ChunkOutcome> {
  return raw.dialect === "sqlite" ? writeChunkSqlite(raw.sqlite, raw.file, chunk) : writeChunkPostgres(raw.pool, chunk);
}
