/**
 * Worker-thread entry for `prepareFileInWorker`: reads, parses and prepares a whole CSV file off the main
 * thread, which is left with the database writes. Each chunk is parsed and prepared in parts of PART_ROWS
 * records, so the worker never holds a whole chunk's records at once, and a finished chunk is posted only
 * when the main thread asks for more: the reader never runs far ahead of the writer, and memory stays flat.
 */
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { type ChunkPlan, joinPreparedParts, type PreparedChunk, prepareChunk } from "./prepare-chunk";
import { type CsvReadOptions, readCsv } from "./read-csv";

export interface PrepareFileJob {
  file: string;
  /** `chunkRows` is the size of the chunks posted (one transaction each). */
  read: CsvReadOptions;
  plan: ChunkPlan;
  /** Chunks the worker may post before the main thread asks for more. */
  ahead: number;
}

export type PrepareFileMessage = { type: "chunk"; index: number; prepared: PreparedChunk } | { type: "done" } | { type: "error"; message: string };

/** The main thread's request for one more chunk. */
export const MORE = "more";

const PART_ROWS = 25_000;

async function run(job: PrepareFileJob, port: NonNullable<typeof parentPort>): Promise<void> {
  let credits = job.ahead;
  let wake: (() => void) | null = null;
  port.on("message", (message) => {
    if (message !== MORE) return;
    credits++;
    wake?.();
  });
  let index = 0;
  const post = async (parts: PreparedChunk[]) => {
    const prepared = joinPreparedParts(parts);
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credits--;
    port.postMessage({ type: "chunk", index: index++, prepared } satisfies PrepareFileMessage);
  };

  const partRows = Math.min(PART_ROWS, job.read.chunkRows);
  const partsPerChunk = Math.max(1, Math.round(job.read.chunkRows / partRows));
  const reader = readCsv(createReadStream(job.file, { highWaterMark: 256 * 1024 }), { ...job.read, chunkRows: partRows });
  let parts: PreparedChunk[] = [];
  let seen = new Set<string>();
  for await (const part of reader.chunks()) {
    parts.push(prepareChunk(part.rows, part.firstRowNumber, job.plan, part.malformed, seen));
    if (parts.length < partsPerChunk) continue;
    await post(parts);
    parts = [];
    seen = new Set();
  }
  if (parts.length > 0) await post(parts);
  port.postMessage({ type: "done" } satisfies PrepareFileMessage);
}

if (parentPort) {
  const port = parentPort;
  run(workerData as PrepareFileJob, port).catch((error: unknown) => {
    port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies PrepareFileMessage);
  });
}
