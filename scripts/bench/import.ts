/**
 * npm run bench:import — generates a 1,000,000-row CSV and measures, each in a fresh process:
 * (a) reading, parsing and normalising alone, (b) the full import into a fresh SQLite database, and into a
 * fresh PostgreSQL database when TEST_POSTGRES_URL names a server. Targets: (b) ≥ 50,000 rows/s and ≤ 3×
 * the time of (a), peak memory ≤ 500 MB. Also prints CPU time per phase (reading + parsing, normalising,
 * writing), which other load on the machine distorts less than wall time. The last line printed is the
 * JSON summary.
 * Options: --rows N (default 1,000,000), --keep (keep the generated file), --connections 1 (PostgreSQL:
 * write the chunks over one connection, one after the other, instead of two overlapping).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
import { writeBenchCsv } from "./import-data";

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const connectionsArg = args.indexOf("--connections");
const connections = connectionsArg >= 0 ? ["--connections", args[connectionsArg + 1]] : [];
const here = path.dirname(fileURLToPath(import.meta.url));

interface RunResult {
  rows: number;
  seconds: number;
  rows_per_s: number;
  /** CPU time of the whole process (all threads). */
  cpu_s: number;
  peak_rss_mb: number;
  /** Full import: time spent inside the chunk transactions, summed (two overlapping connections can exceed the wall time). */
  write_s?: number;
  /** Full import into PostgreSQL: the server's CPU time for it (its backends). */
  db_cpu_s?: number | null;
  /** Phases run: CPU time reading + parsing, and preparing (normalising, validating, serialising). */
  read_parse_cpu_s?: number;
  prepare_cpu_s?: number;
  report?: Record<string, unknown>;
}

function run(...runArgs: string[]): RunResult {
  // Same node binary and loader flags (tsx) as this process.
  const out = execFileSync(process.execPath, [...process.execArgv, path.join(here, "import-run.ts"), ...runArgs], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as RunResult;
}

const dir = mkdtempSync(path.join(tmpdir(), "smscm-bench-"));
const file = path.join(dir, "contacts.csv");
try {
  let t = performance.now();
  await writeBenchCsv(file, rows);
  console.log(`generated ${rows.toLocaleString("en")} rows (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const phases = run("phases", file);
  console.log(`    CPU per phase on one thread: read + parse ${phases.read_parse_cpu_s} s, normalise + validate ${phases.prepare_cpu_s} s`);
  const parse = run("parse", file);
  console.log(`(a) parse + normalise: ${parse.rows_per_s.toLocaleString("en")} rows/s (${parse.seconds} s, CPU ${parse.cpu_s} s, peak ${parse.peak_rss_mb} MB)`);

  const results: Record<string, { rows_per_s: number; peak_rss_mb: number } | null> = { sqlite: null, postgres: null };
  for (const target of testDatabases()) {
    const database = await createTestDatabase(target, "bench");
    try {
      t = performance.now();
      const result = run("import", file, database.url, ...connections);
      const ratio = result.seconds / parse.seconds;
      console.log(
        `(b) full import into ${target.name}: ${result.rows_per_s.toLocaleString("en")} rows/s (${result.seconds} s, ${ratio.toFixed(2)}× parse; CPU ${result.cpu_s} s, ` +
          `${result.write_s} s in chunk transactions${result.db_cpu_s == null ? "" : `, server CPU ${result.db_cpu_s} s`}), peak ${result.peak_rss_mb} MB; ${JSON.stringify(result.report)}`,
      );
      results[target.name] = { rows_per_s: result.rows_per_s, peak_rss_mb: result.peak_rss_mb };
    } finally {
      await database.drop();
    }
  }
  console.log(JSON.stringify({ rows: parse.rows, parse_rows_per_s: parse.rows_per_s, sqlite: results.sqlite, postgres: results.postgres }));
} finally {
  if (!args.includes("--keep") && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
