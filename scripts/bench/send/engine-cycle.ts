/**
 * The engine's database work per message without any gateway: claim a batch, mark its request started,
 * record it accepted (with a random provider id and a batch id, as DIDWW's bulk replies), then ingest a `delivered` report for each, on the
 * databases of `testDatabases()`. Prints milliseconds of this process's CPU and wall time per 1,000
 * messages for each phase, the figure to watch when changing claim.ts, message-updates.ts or the reports,
 * and checks that the counters and rollups still equal a full recount (what `npm run recount` proves).
 *
 *   node --import tsx scripts/bench/send/engine-cycle.ts [messages] [batch]
 */
import { randomUUID } from "node:crypto";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { claimMessages, markRequestStarted } from "@/lib/delivery/claim";
import { recordOutcomes } from "@/lib/delivery/record-outcomes";
import { ingestReports } from "@/lib/delivery/reports/ingest-reports";
import { seedAccount } from "@/lib/delivery/testing/seed-audience";
import { recountAll } from "@/lib/stats/recount";
import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
import { BENCH_TEXT } from "./engine-send";
import { seedContacts } from "./seed-contacts";

const messages = Number(process.argv[2] ?? 100_000);
const batch = Number(process.argv[3] ?? 1000);

for (const target of testDatabases()) {
  const database = await createTestDatabase(target, "bench-cycle");
  try {
    const sql = sqlFor(database.raw);
    const listId = await seedContacts(database.raw, "cycle", messages, 31900000000);
    const account = await seedAccount(database.db, "didww", "http://127.0.0.1:9");
    const campaign = await createCampaign(database.db, { name: "cycle", providerAccountId: account.id, text: BENCH_TEXT, listIds: [listId] }, null);
    await launchCampaign(sql, campaign.id);
    const phases = { claim: [0, 0], start: [0, 0], record: [0, 0], reports: [0, 0] };
    const time = async <T>(phase: keyof typeof phases, work: () => Promise<T>): Promise<T> => {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const result = await work();
      const used = process.cpuUsage(cpu);
      phases[phase][0] += (used.user + used.system) / 1000;
      phases[phase][1] += performance.now() - wall;
      return result;
    };
    for (let sent = 0; sent < messages; sent += batch) {
      const now = new Date();
      const claimed = await time("claim", () => claimMessages(sql, { campaignId: campaign.id, accountId: account.id, workerId: "cycle", limit: batch, now }));
      await time("start", () => markRequestStarted(sql, claimed.map((m) => m.attemptId), now));
      const batchId = randomUUID();
      const ids = claimed.map(() => randomUUID());
      await time("record", () => recordOutcomes(sql, account.id, claimed, claimed.map((m, i) => ({ kind: "accepted", attemptId: String(m.attemptId), providerMessageId: ids[i], batchId })), now));
      await time("reports", () => ingestReports(sql, account.id, ids.map((id) => ({ kind: "status", providerMessageId: id, state: "delivered", rawStatus: "DELIVERED" }))));
    }
    const per1000 = (ms: number) => ((ms / messages) * 1000).toFixed(1).padStart(6);
    console.log(`${target.name}: ms per 1,000 messages (cpu / wall), batches of ${batch}`);
    for (const [phase, [cpu, wall]] of Object.entries(phases)) console.log(`  ${phase.padEnd(8)} ${per1000(cpu)} / ${per1000(wall)}`);
    const { mismatches } = await recountAll(sql);
    if (mismatches.length > 0) throw new Error(`counters differ from a recount: ${JSON.stringify(mismatches)}`);
    console.log("  counters and rollups equal a full recount");
  } finally {
    await database.drop();
  }
}
process.exit(0);
