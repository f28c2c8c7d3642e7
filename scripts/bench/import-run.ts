/**
 * One measured run of the import benchmark, in its own process so its peak memory is its own:
 *   import-run.ts parse <file>          read + parse + normalise only (the importer's worker, no database)
 *   import-run.ts phases <file>         the same on one thread, timing reading/parsing and preparing apart
 *   import-run.ts import <file> <url> [--connections 1|2]
 *                                       the full import into the database at <url> (with db_cpu_s, the
 *                                       PostgreSQL server's CPU time for it), over 1 or 2 connections
 *                                       on PostgreSQL (default 2)
 * Prints one JSON line: { rows, seconds, rows_per_s, cpu_s, peak_rss_mb, … }. cpu_s is the whole process's
 * CPU time (all threads), which the machine's other load does not inflate the way it does wall time.
 */
import { createReadStream } from "node:fs";
import { createDb } from "@/lib/db/client";
import { openRawDb } from "@/lib/db/raw";
import { FILE_CHUNK_ROWS, importCsvFile, sniffFile } from "@/lib/contacts/import-file";
import type { ColumnMapping } from "@/lib/contacts/import-mapping";
import { type ChunkPlan, prepareChunk } from "@/lib/contacts/prepare-chunk";
import { prepareFileInWorker } from "@/lib/contacts/prepare-file";
import { type CsvReadOptions, readCsv } from "@/lib/contacts/read-csv";
import { DEFAULT_COUNTRY } from "./import-data";
import { postgresBackendCpuSeconds } from "./postgres-cpu";

const mapping: ColumnMapping = { phone: 0, firstName: 1, lastName: 2, optOut: null, fields: [{ column: 3, key: "city" }, { column: 4, key: "tier" }] };
// Parsing alone serialises for SQLite (JSON); PostgreSQL's COPY text costs the same to build.
const plan: ChunkPlan = { mapping, defaultCountry: DEFAULT_COUNTRY, rowFormat: "json" };
const [mode, file, url, ...rest] = process.argv.slice(2);
const connections = rest.includes("--connections") && rest[rest.indexOf("--connections") + 1] === "1" ? 1 : 2;

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const round = (n: number) => Number(n.toFixed(2));

function readOptions(): CsvReadOptions {
  const sniff = sniffFile(file);
  return { encoding: sniff.encoding, delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, chunkRows: FILE_CHUNK_ROWS };
}

async function parseOnly(): Promise<{ rows: number }> {
  let rows = 0;
  for await (const { prepared } of prepareFileInWorker(file, readOptions(), plan)) rows += prepared.rowsRead;
  return { rows };
}

/** Single-threaded, so the process's CPU time splits between the two steps. */
async function phases(): Promise<{ rows: number; read_parse_cpu_s: number; prepare_cpu_s: number }> {
  let rows = 0;
  let readParse = 0;
  let prepare = 0;
  let mark = cpuSeconds();
  for await (const chunk of readCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), readOptions()).chunks()) {
    const parsed = cpuSeconds();
    readParse += parsed - mark;
    rows += prepareChunk(chunk.rows, chunk.firstRowNumber, plan, chunk.malformed).rowsRead;
    mark = cpuSeconds();
    prepare += mark - parsed;
  }
  return { rows, read_parse_cpu_s: round(readParse), prepare_cpu_s: round(prepare) };
}

async function fullImport(): Promise<{ rows: number; write_s: number; db_cpu_s: number | null; report: Record<string, unknown> }> {
  const db = createDb(url);
  const raw = openRawDb(url);
  let writeMs = 0;
  try {
    const result = await importCsvFile(db, raw, file, {
      defaultCountry: DEFAULT_COUNTRY,
      mapping,
      newFields: [{ key: "city", label: "City" }, { key: "tier", label: "Tier" }],
      list: { kind: "new", name: "Benchmark" },
      worker: true,
      connections,
      onChunk: (progress) => (writeMs += progress.writeMs),
    });
    const report = { created: result.created, updated: result.updated, duplicates: result.duplicates, rejected: result.rejected, status: result.status };
    const dbCpu = raw.dialect === "postgres" ? postgresBackendCpuSeconds(url) : null;
    return { rows: result.rowsRead, write_s: round(writeMs / 1000), db_cpu_s: dbCpu === null ? null : round(dbCpu), report };
  } finally {
    await db.$disconnect();
    await raw.close();
  }
}

const started = performance.now();
const cpuStart = cpuSeconds();
const result = mode === "parse" ? await parseOnly() : mode === "phases" ? await phases() : await fullImport();
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds() - cpuStart;
// maxRSS is in kilobytes and covers the worker thread (same process).
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ...result, seconds: round(seconds), rows_per_s: Math.round(result.rows / seconds), cpu_s: round(cpu), peak_rss_mb: peakRssMb }));
