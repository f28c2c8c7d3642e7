/**
 * Imports a CSV file from disk through the same job lifecycle as the browser wizard: start, chunks of
 * CHUNK_ROWS committed one transaction each, finish. Chunks are prepared ahead (optionally in worker threads)
 * while earlier ones are written, in order. Used by the benchmark and tests; a CLI could use it as is.
 */
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { RawDb } from "@/lib/db/raw";
import { detectDialect, detectEncoding, SAMPLE_BYTES, type Delimiter, type Dialect, type FileEncoding } from "./csv-dialect";
import { CHUNK_ROWS, type StartImport } from "./import.schema";
import { commitPreparedChunk, failImport, finishImport, getImportReport, loadJobPlan, prepareForJob, startImport, type ImportReport } from "./import-job";
import type { PreparedChunk } from "./prepare-chunk";
import type { PreparePool } from "./prepare-pool";
import { readCsv, type CsvChunk } from "./read-csv";

export interface FileSniff extends Dialect {
  encoding: FileEncoding;
}

/** Encoding, delimiter, header and preview from the file's first bytes (what the wizard shows). */
export function sniffFile(file: string): FileSniff {
  const fd = openSync(file, "r");
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const length = readSync(fd, sample, 0, SAMPLE_BYTES, 0);
    const bytes = sample.subarray(0, length);
    const encoding = detectEncoding(bytes, length < SAMPLE_BYTES);
    const text = new TextDecoder(encoding).decode(bytes);
    return { encoding, ...detectDialect(text) };
  } finally {
    closeSync(fd);
  }
}

export interface ImportFileOptions extends Omit<StartImport, "fileName" | "header" | "hasHeader"> {
  encoding?: FileEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  chunkRows?: number;
  userId?: number | null;
  /** Prepares chunks in worker threads; without it they are prepared on this thread. */
  pool?: PreparePool;
  /** Chunks prepared ahead of the one being written. */
  readAhead?: number;
}

export async function importCsvFile(db: Db, raw: RawDb, file: string, options: ImportFileOptions): Promise<ImportReport> {
  const sniff = sniffFile(file);
  const hasHeader = options.hasHeader ?? sniff.hasHeader;
  const job = await startImport(db, options.userId ?? null, {
    fileName: path.basename(file),
    hasHeader,
    header: hasHeader ? (sniff.preview[0] ?? null) : null,
    defaultCountry: options.defaultCountry,
    mapping: options.mapping,
    newFields: options.newFields,
    list: options.list,
  });
  const plan = await loadJobPlan(db, job.id);
  const reader = readCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), {
    encoding: options.encoding ?? sniff.encoding,
    delimiter: options.delimiter ?? sniff.delimiter,
    hasHeader,
    chunkRows: options.chunkRows ?? CHUNK_ROWS,
  });
  const prepare = (chunk: CsvChunk): Promise<PreparedChunk> =>
    options.pool
      ? options.pool.prepare(chunk.rows, chunk.firstRowNumber, chunk.malformed, { mapping: plan.mapping.columns, defaultCountry: plan.defaultCountry })
      : Promise.resolve(prepareForJob(plan, chunk));
  const ahead: { index: number; prepared: Promise<PreparedChunk> }[] = [];
  const readAhead = options.readAhead ?? (options.pool ? options.pool.size + 1 : 0);
  try {
    for await (const chunk of reader.chunks()) {
      const prepared = prepare(chunk);
      prepared.catch(() => {}); // awaited in order below; this only stops an early failure from counting as unhandled
      ahead.push({ index: chunk.index, prepared });
      while (ahead.length > readAhead) {
        const next = ahead.shift()!;
        await commitPreparedChunk(raw, plan, next.index, await next.prepared);
      }
    }
    for (const next of ahead) await commitPreparedChunk(raw, plan, next.index, await next.prepared);
    await finishImport(db, job.id, options.userId ?? null);
  } catch (error) {
    await failImport(db, job.id, options.userId ?? null, error instanceof Error ? error.message : String(error)).catch(() => {});
    throw error;
  }
  return getImportReport(db, job.id);
}
