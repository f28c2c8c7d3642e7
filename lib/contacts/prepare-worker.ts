/** Worker-thread entry for PreparePool: prepares chunks off the main thread (phone normalisation is CPU-bound). */
import { parentPort } from "node:worker_threads";
import { type ChunkPlan, prepareChunk } from "./prepare-chunk";

export interface PrepareRequest {
  id: number;
  rows: string[][];
  firstRowNumber: number;
  malformed: number[];
  plan: ChunkPlan;
}

parentPort?.on("message", (request: PrepareRequest) => {
  try {
    parentPort!.postMessage({ id: request.id, result: prepareChunk(request.rows, request.firstRowNumber, request.plan, request.malformed) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
