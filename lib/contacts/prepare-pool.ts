/**
 * Worker threads that run `prepareChunk`, so a bulk import normalises on every core while the main thread
 * reads the file and writes to the database. Node-only (the bulk file importer and the benchmark).
 */
import { Worker } from "node:worker_threads";
import type { ChunkPlan, PreparedChunk } from "./prepare-chunk";
import type { PrepareRequest } from "./prepare-worker";

/**
 * Loader hooks do not reach worker threads on Node 20, so each worker registers tsx itself before loading
 * the TypeScript entry (the pool runs under tsx: the benchmark and scripts).
 */
const WORKER_BOOTSTRAP = `
  const { workerData } = require("node:worker_threads");
  import("tsx/esm/api").then(({ register }) => { register(); return import(workerData.entry); });
`;

type Pending = { resolve: (chunk: PreparedChunk) => void; reject: (error: Error) => void };

export class PreparePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: { entry: new URL("./prepare-worker.ts", import.meta.url).href },
        // A worker holds a chunk or two at a time; a small heap makes V8 collect early instead of growing RSS.
        resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
      });
      worker.on("message", (message: { id: number; result?: PreparedChunk; error?: string }) => {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.result!);
      });
      worker.on("error", (error) => {
        for (const waiter of this.pending.values()) waiter.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  prepare(rows: string[][], firstRowNumber: number, malformed: number[], plan: ChunkPlan): Promise<PreparedChunk> {
    const id = this.nextId++;
    const request: PrepareRequest = { id, rows, firstRowNumber, malformed, plan };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
