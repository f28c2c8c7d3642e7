/**
 * One measured run of the import benchmark, in its own process so its peak memory is its own:
 *   import-run.ts parse <file>          read + parse + normalise only
 *   import-run.ts import <file> <url>   the full import into the database at <url>
 * Prints one JSON line: { rows, seconds, rows_per_s, peak_rss_mb, report? }.
 */
import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { createDb } from "@/lib/db/client";
import { openRawDb } from "@/lib/db/raw";
import { CHUNK_ROWS } from "@/lib/contacts/import.schema";
import { importCsvFile, sniffFile } from "@/lib/contacts/import-file";
import type { ColumnMapping } from "@/lib/contacts/import-mapping";
import { PreparePool } from "@/lib/contacts/prepare-pool";
import { readCsv } from "@/lib/contacts/read-csv";
import { DEFAULT_COUNTRY } from "./import-data";

const mapping: ColumnMapping = { phone: 0, firstName: 1, lastName: 2, optOut: null, fields: [{ column: 3, key: "city" }, { column: 4, key: "tier" }] };
const [mode, file, url] = process.argv.slice(2);
// Normalisation workers: one per core; the main thread's reading and writing overlap with them.
const pool = new PreparePool(Math.max(1, availableParallelism()));

async function parseOnly(): Promise<number> {
  const sniff = sniffFile(file);
  const reader = readCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), { encoding: sniff.encoding, delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, chunkRows: CHUNK_ROWS });
  const ahead: Promise<{ rowsRead: number }>[] = [];
  let rows = 0;
  for await (const chunk of reader.chunks()) {
    ahead.push(pool.prepare(chunk.rows, chunk.firstRowNumber, chunk.malformed, { mapping, defaultCountry: DEFAULT_COUNTRY }));
    while (ahead.length > pool.size + 1) rows += (await ahead.shift()!).rowsRead;
  }
  for (const p of ahead) rows += (await p).rowsRead;
  return rows;
}

const started = performance.now();
let rows: number;
let report: unknown;
if (mode === "parse") {
  rows = await parseOnly();
} else {
  const db = createDb(url);
  const raw = openRawDb(url);
  const result = await importCsvFile(db, raw, file, {
    defaultCountry: DEFAULT_COUNTRY,
    mapping,
    newFields: [{ key: "city", label: "City" }, { key: "tier", label: "Tier" }],
    list: { kind: "new", name: "Benchmark" },
    pool,
  });
  rows = result.rowsRead;
  report = { created: result.created, updated: result.updated, duplicates: result.duplicates, rejected: result.rejected, status: result.status };
  await db.$disconnect();
  await raw.close();
}
const seconds = (performance.now() - started) / 1000;
await pool.close();
// maxRSS is in kilobytes and covers the worker threads (same process).
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ rows, seconds: Number(seconds.toFixed(2)), rows_per_s: Math.round(rows / seconds), peak_rss_mb: peakRssMb, report }));
