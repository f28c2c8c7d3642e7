/**
 * `npm run worker`: the delivery engine as its own process. Several may run against one PostgreSQL;
 * SQLite takes one (`npm start` runs it beside the app). Stops cleanly on SIGINT/SIGTERM, recording
 * every request already in flight.
 */
import { db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { storedAccountLoader } from "@/lib/delivery/account-loader";
import { recoverStaleClaims } from "@/lib/delivery/housekeeping";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { config } from "@/lib/env";

const cfg = config();
await applyMigrations(cfg.databaseUrl);
const sql = sqlFor(rawDb());
if (cfg.dialect === "sqlite") {
  // One worker per SQLite file: whatever is still `sending` was left by a worker that stopped.
  const recovered = await recoverStaleClaims(sql, new Date());
  if (recovered.requeued + recovered.unknown > 0) console.log(`Recovered ${recovered.requeued} re-queued and ${recovered.unknown} unknown messages from a stopped worker.`);
}
const worker = new DeliveryWorker({ sql, loadAccount: storedAccountLoader(db()), workerId: process.argv[2] });
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
console.log(`Delivery worker ${worker.workerId} started (${cfg.dialect}).`);
await worker.run(controller.signal);
console.log(`Delivery worker ${worker.workerId} stopped.`);
process.exit(0);
