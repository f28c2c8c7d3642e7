/**
 * A CSV file as a stream of prepared chunks, in file order: read, parsed and prepared either on this thread
 * or in one worker thread (`prepare-worker.ts`), which leaves this thread free for the database writes.
 * Node-only (the file importer, the CLI and the benchmark).
 */
import { createReadStream } from "node:fs";
import { Worker } from "node:worker_threads";
import { type ChunkPlan, type PreparedChunk, prepareChunk } from "./prepare-chunk";
import { MORE, type PrepareFileJob, type PrepareFileMessage } from "./prepare-worker";
import { type CsvReadOptions, readCsv } from "./read-csv";

export interface IndexedChunk {
  index: number;
  prepared: PreparedChunk;
}

/**
 * Loader hooks do not reach worker threads on Node 20, so the worker registers tsx itself before loading
 * the TypeScript entry (the file importer runs under tsx: the CLI, scripts and the benchmark).
 */
const WORKER_BOOTSTRAP = `
  const { workerData } = require("node:worker_threads");
  import("tsx/esm/api").then(({ register }) => { register(); return import(workerData.entry); });
`;

/** Prepared chunks the worker may post beyond the one being written: one keeps the writer busy. */
const READY_AHEAD = 1;

export async function* prepareFileInThread(file: string, read: CsvReadOptions, plan: ChunkPlan): AsyncGenerator<IndexedChunk> {
  const reader = readCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), read);
  for await (const chunk of reader.chunks()) {
    yield { index: chunk.index, prepared: prepareChunk(chunk.rows, chunk.firstRowNumber, plan, chunk.malformed) };
  }
}

export async function* prepareFileInWorker(file: string, read: CsvReadOptions, plan: ChunkPlan): AsyncGenerator<IndexedChunk> {
  const job: PrepareFileJob & { entry: string } = { file, read, plan, ahead: READY_AHEAD, entry: new URL("./prepare-worker.ts", import.meta.url).href };
  const worker = new Worker(WORKER_BOOTSTRAP, {
    eval: true,
    workerData: job,
    // It holds one chunk's JSON and a part's records; a small heap makes V8 collect early instead of growing RSS.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  const queue: PrepareFileMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: PrepareFileMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on("message", push);
  worker.on("error", (error) => push({ type: "error", message: error.message }));
  worker.on("exit", (code) => push(code === 0 ? { type: "done" } : { type: "error", message: `The CSV worker stopped (exit code ${code}).` }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const message = queue.shift()!;
      if (message.type === "done") return;
      if (message.type === "error") throw new Error(message.message);
      yield { index: message.index, prepared: message.prepared };
      worker.postMessage(MORE);
    }
  } finally {
    await worker.terminate();
  }
}
