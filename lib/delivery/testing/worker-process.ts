/**
 * A delivery worker as its own process, for the fault tests and the send benchmark: DeliveryWorker on the
 * given database with accounts pointing at fake gateways that run in the parent process. It behaves like
 * `scripts/worker.ts` (including recovery of a dead worker's claims on SQLite at start), but takes
 * everything from one JSON argument instead of the environment, so a test can start several against a
 * database of its own and kill them with SIGKILL at any moment.
 *
 *   node --import tsx lib/delivery/testing/worker-process.ts '<WorkerProcessConfig as JSON>'
 *
 * Prints `ready` once the worker loop starts; on SIGTERM it stops cleanly and prints one line of JSON with
 * its peak memory and the CPU time it used since it was ready (`{"maxRssMb": …, "cpuMs": …}`).
 */
import { openRawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { recoverStaleClaims } from "../housekeeping";
import { DeliveryWorker } from "../worker";
import { fakeAccountLoader, type FakeAccountSpec } from "./fake-accounts";

export interface WorkerProcessConfig {
  databaseUrl: string;
  workerId: string;
  accounts: FakeAccountSpec[];
  staleClaimMs?: number;
  maxInFlightPerAccount?: number;
  singleMessageClaim?: number;
  /** Print the worker's log lines (off: only `ready` and the final JSON). */
  verbose?: boolean;
}

const config = JSON.parse(process.argv[2] ?? "{}") as WorkerProcessConfig;
const raw = openRawDb(config.databaseUrl);
const sql = sqlFor(raw);
const log = config.verbose ? (line: string) => console.error(line) : () => {};
if (sql.dialect === "sqlite") {
  // One worker per SQLite file: whatever is still `sending` was left by a worker that was killed.
  await recoverStaleClaims(sql, new Date());
}
const worker = new DeliveryWorker({
  sql,
  loadAccount: fakeAccountLoader(config.accounts),
  workerId: config.workerId,
  staleClaimMs: config.staleClaimMs,
  maxInFlightPerAccount: config.maxInFlightPerAccount,
  singleMessageClaim: config.singleMessageClaim,
  log,
});
const controller = new AbortController();
process.once("SIGTERM", () => controller.abort());
const cpuAtReady = process.cpuUsage();
console.log("ready");
await worker.run(controller.signal);
const cpu = process.cpuUsage(cpuAtReady);
console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
await raw.close();
process.exit(0);
