/**
 * Imports a CSV file from disk through the same job lifecycle as the browser wizard: start, chunks of
 * FILE_CHUNK_ROWS committed one transaction each and in file order, finish. With `worker`, the file is read
 * and prepared in a worker thread while this thread writes the chunks. Used by the CLI, the benchmark and tests.
 */
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { RawDb } from "@/lib/db/raw";
import { detectDialect, detectEncoding, SAMPLE_BYTES, type Delimiter, type Dialect, type FileEncoding } from "./csv-dialect";
import type { StartImport } from "./import.schema";
import {
  chunkPlanFor,
  chunkWrite,
  commitPreparedChunk,
  failImport,
  finishImport,
  getImportReport,
  type ImportReport,
  type JobPlan,
  loadJobPlan,
  startImport,
} from "./import-job";
import { type ChunkDone, writeChunksPipelined } from "./import-pipeline.postgres";
import { type IndexedChunk, prepareFileInThread, prepareFileInWorker } from "./prepare-file";
import type { ChunkWrite } from "./write-chunk";
import type { CsvReadOptions } from "./read-csv";

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

/**
 * Rows per chunk (and per transaction) for files imported from disk. Larger than the browser's upload chunk
 * (CHUNK_ROWS): each commit rewrites the index pages it touched, and random phone numbers touch most of the
 * phone index, so fewer, bigger commits cost far less per row. Every chunk is still fully in or out, and at
 * this size a chunk holds the write lock for about a second.
 */
export const FILE_CHUNK_ROWS = 100_000;

export interface ImportFileOptions extends Omit<StartImport, "fileName" | "header" | "hasHeader"> {
  encoding?: FileEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  chunkRows?: number;
  userId?: number | null;
  /** Reads and prepares the file in a worker thread while this thread writes (needs tsx: CLI, scripts). */
  worker?: boolean;
  /**
   * PostgreSQL: connections writing chunks, 2 (the default) to write the next chunk while the one before it
   * finishes, or 1 to write them one after the other.
   */
  connections?: 1 | 2;
  /** Called after each committed chunk, in order, with how long its transaction took (progress for a CLI, the benchmark). */
  onChunk?: ChunkDone;
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
  const read: CsvReadOptions = {
    encoding: options.encoding ?? sniff.encoding,
    delimiter: options.delimiter ?? sniff.delimiter,
    hasHeader,
    chunkRows: options.chunkRows ?? FILE_CHUNK_ROWS,
  };
  const chunkPlan = chunkPlanFor(plan, raw.dialect);
  const chunks = options.worker ? prepareFileInWorker(file, read, chunkPlan) : prepareFileInThread(file, read, chunkPlan);
  try {
    await writeChunks(raw, plan, chunks, options);
    await finishImport(db, job.id, options.userId ?? null);
  } catch (error) {
    await failImport(db, job.id, options.userId ?? null, error instanceof Error ? error.message : String(error)).catch(() => {});
    throw error;
  }
  return getImportReport(db, job.id);
}

/**
 * Writes the prepared chunks in file order. On PostgreSQL, two connections overlap consecutive chunks
 * (import-pipeline.postgres.ts) unless `connections` is 1; SQLite has a single writer whatever we do.
 */
async function writeChunks(raw: RawDb, plan: JobPlan, chunks: AsyncIterable<IndexedChunk>, options: ImportFileOptions): Promise<void> {
  if (raw.dialect === "postgres" && (options.connections ?? 2) > 1) {
    return writeChunksPipelined(raw.pool, chunkWrites(plan, chunks), options.onChunk);
  }
  for await (const { index, prepared } of chunks) {
    const started = performance.now();
    const outcome = await commitPreparedChunk(raw, plan, index, prepared);
    options.onChunk?.({ index, outcome, writeMs: performance.now() - started });
  }
}

async function* chunkWrites(plan: JobPlan, chunks: AsyncIterable<IndexedChunk>): AsyncGenerator<ChunkWrite> {
  for await (const { index, prepared } of chunks) yield chunkWrite(plan, index, prepared);
}
