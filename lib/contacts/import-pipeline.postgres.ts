/**
 * The file importer's chunk writer on PostgreSQL. A chunk's write is bound by the CPU of the one backend
 * running it, so chunks go over two connections: the next chunk's rows are written while the one before it
 * finishes, which keeps a second core busy.
 *
 * Each chunk is still one transaction, and they commit strictly in file order. Chunk k takes the advisory
 * transaction lock (jobId, k) first; once its rows are written it takes (jobId, k - 1), which waits until
 * chunk k - 1's transaction has ended, and only then checks and moves the job's `chunksDone`. So the job's
 * progress always counts a contiguous run of whole chunks, and a chunk whose predecessor rolled back sees
 * the gap and rolls back too. The wait being a lock inside PostgreSQL (not a promise in this process) lets
 * the server's deadlock detector see it: a cycle through another session's row locks (another import of
 * the same numbers) ends in "deadlock detected" instead of hanging both.
 *
 * The two chunks in flight never share a number (import-overlap.ts), so neither waits on the other's rows.
 * Advisory keys used: (ImportJob.id, chunk index), two int4s.
 */
import type pg from "pg";
import { type ChunkOutcome, type ChunkWrite, NOT_APPLIED } from "./chunk-contract";
import { applyContext, applyRows, type ChunkCounts, chunkOutcome, loadRows, lockGate, recordChunk } from "./import-apply.postgres";
import { findRepeats, NO_NUMBERS, type Repeats } from "./import-overlap";

const IN_FLIGHT = 2;

export type ChunkDone = (progress: { index: number; outcome: ChunkOutcome; writeMs: number }) => void;

interface Writing {
  index: number;
  started: number;
  /** Settles once the chunk holds its own lock: the next chunk may then wait on it. */
  locked: Promise<void>;
  done: Promise<ChunkOutcome>;
}

/** Writes `chunks` in order over two connections of `pool`; `onChunk` hears of each commit, in order. */
export async function writeChunksPipelined(pool: pg.Pool, chunks: AsyncIterable<ChunkWrite>, onChunk?: ChunkDone): Promise<void> {
  const clients: pg.PoolClient[] = [];
  const writing: Writing[] = [];
  let failed = false;
  const settleOldest = async () => {
    const oldest = writing[0];
    const outcome = await oldest.done;
    writing.shift();
    onChunk?.({ index: oldest.index, outcome, writeMs: performance.now() - oldest.started });
  };
  try {
    let previous: Repeats["kept"] = NO_NUMBERS;
    let count = 0;
    for await (const chunk of chunks) {
      const repeats = findRepeats(chunk.contacts, previous);
      previous = repeats.kept;
      // Connections take turns: the chunk that used this one two chunks ago has committed.
      const client = (clients[count++ % IN_FLIGHT] ??= await connect(pool));
      const write = startChunk(client, chunk, repeats);
      writing.push(write);
      await write.locked;
      // The next chunk is taken from the reader only once a connection is free: memory holds two, not three.
      if (writing.length === IN_FLIGHT) await settleOldest();
    }
    while (writing.length > 0) await settleOldest();
  } catch (error) {
    failed = true;
    // Chunks still in flight end on their own: the earlier ones commit, the later ones see the gap.
    await Promise.allSettled(writing.map((w) => w.done));
    throw error;
  } finally {
    for (const client of clients) {
      client.off("error", ignore);
      // After a failure a connection may be dead or mid-statement: not worth returning to the pool.
      client.release(failed || undefined);
    }
  }
}

/**
 * A connection lost mid-chunk (the server restarted, the backend was terminated) fails the chunk's query,
 * which reports it; it is also emitted as an `error` event, which would crash the process with nobody
 * listening. (The pool drops a client that can no longer run queries.)
 */
const ignore = () => {};

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  client.on("error", ignore);
  return client;
}

/**
 * The numbers `repeats` found are taken out of the chunk once COPied, and counted as duplicates. `contacts`
 * is let go once COPied: a chunk waiting for the one before it holds only its counts.
 */
function startChunk(client: pg.PoolClient, { contacts, ...write }: ChunkWrite, repeats: Repeats): Writing {
  const repeated = repeats.phones;
  const chunk: ChunkCounts = {
    ...write,
    contactCount: write.contactCount - repeated.length,
    duplicates: write.duplicates + repeated.length,
    optOuts: write.optOuts - repeats.optOuts,
  };
  const started = performance.now();
  const locked = (async () => {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [chunk.jobId, chunk.chunkIndex]);
  })();
  const done = locked.then(() => writeInOrder(client, chunk, contacts, repeated)).catch(async (error: unknown) => {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  });
  // Awaited later, in chunk order; until then a failure must not count as unhandled.
  locked.catch(() => {});
  done.catch(() => {});
  return { index: chunk.chunkIndex, started, locked, done };
}

async function writeInOrder(client: pg.PoolClient, chunk: ChunkCounts, contacts: string[], repeated: string[]): Promise<ChunkOutcome> {
  const context = applyContext(chunk);
  if (chunk.contactCount > 0) {
    await loadRows(client, contacts);
    if (repeated.length > 0) await client.query(`DELETE FROM import_rows WHERE phone = ANY($1::text[])`, [repeated]);
  }
  const outcome = chunkOutcome(chunk, await applyRows(client, chunk, context));
  if (chunk.chunkIndex > 0) await client.query("SELECT pg_advisory_xact_lock($1, $2)", [chunk.jobId, chunk.chunkIndex - 1]);
  if (!(await lockGate(client, chunk))) {
    await client.query("ROLLBACK");
    return NOT_APPLIED;
  }
  await recordChunk(client, chunk, outcome, context);
  await client.query("COMMIT");
  return outcome;
}
