/**
 * The browser side of an import: starts the job, streams the file through `readCsv` and uploads its chunks,
 * at most two at a time, so neither the tab nor the server ever holds the whole file. A chunk is retried
 * after a network error (the server applies a chunk index once); a refusal stops the import with its message.
 */
import type { Delimiter, FileEncoding } from "./csv-dialect";
import { CHUNK_ROWS, type StartImportInput } from "./import.schema";
import type { ImportReport } from "./import-job";
import { readCsv } from "./read-csv";

export interface UploadProgress {
  bytesRead: number;
  totalBytes: number;
  rowsSent: number;
}

export interface UploadHooks {
  onStarted?(importId: number): void;
  onProgress(progress: UploadProgress): void;
  /** Checked between chunks: true cancels the import (chunks already sent stay imported). */
  shouldStop(): boolean;
}

type JsonReport = Omit<ImportReport, "createdAt" | "finishedAt" | "lastActivityAt"> & { createdAt: string; finishedAt: string | null; lastActivityAt: string };

/** The browser's fetch; tests pass one that reaches the server's functions directly. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

async function call<T>(send: Transport, url: string, method: string, body: unknown, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await send(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch (error) {
      if (attempt >= attempts) throw new Error("The connection to the server was lost. The rows sent so far are imported; see the report.", { cause: error });
      await new Promise((r) => setTimeout(r, 1000 * attempt));
      continue;
    }
    const data = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}.`);
    return data;
  }
}

/**
 * Chunks uploaded at once: the tab reads and sends the next chunk while the server normalises and writes
 * the one before it (the server applies them in order, a chunk that overtakes waiting for its turn).
 */
const IN_FLIGHT = 2;

export async function uploadImport(
  file: File,
  start: StartImportInput,
  read: { encoding: FileEncoding; delimiter: Delimiter; hasHeader: boolean },
  hooks: UploadHooks,
  send: Transport = (url, init) => fetch(url, init),
): Promise<JsonReport> {
  const { id } = await call<{ id: number }>(send, "/api/imports", "POST", start);
  hooks.onStarted?.(id);
  let bytesRead = 0;
  let rowsSent = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(bytes, controller) {
        bytesRead += bytes.byteLength;
        controller.enqueue(bytes);
      },
    }),
  );
  const reader = readCsv(counted, { ...read, chunkRows: CHUNK_ROWS });
  const sending: Promise<void>[] = [];
  for await (const chunk of reader.chunks()) {
    if (hooks.shouldStop()) break;
    const sent = call(send, `/api/imports/${id}/chunks`, "POST", { chunkIndex: chunk.index, firstRowNumber: chunk.firstRowNumber, rows: chunk.rows, malformed: chunk.malformed }).then(() => {
      rowsSent += chunk.rows.length;
      hooks.onProgress({ bytesRead, totalBytes: file.size, rowsSent });
    });
    // Awaited in file order below; a failure is reported at once, without waiting for the other chunk.
    sent.catch(() => {});
    sending.push(sent);
    if (sending.length >= IN_FLIGHT) await sending.shift();
  }
  // Chunks already sent are applied before the import is finished or canceled.
  for (const sent of sending) await sent;
  const action = hooks.shouldStop() ? "cancel" : "finish";
  return call<JsonReport>(send, `/api/imports/${id}`, "PATCH", { action });
}

export type { JsonReport as ImportReportJson };
