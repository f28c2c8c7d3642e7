/**
 * Engine throughput to one fake gateway: a worker process (lib/delivery/testing/worker-process.ts) sends
 * a campaign launched here to a fake running in this process, with no rate limit. A message counts when
 * its submission outcome is recorded; the clock starts when the launch has written the messages and stops
 * when none is queued or in flight. Also reports the worker's peak memory.
 */
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import type { FakeAccountSpec } from "@/lib/delivery/testing/fake-accounts";
import { seedAccount } from "@/lib/delivery/testing/seed-audience";
import { spawnWorker } from "@/lib/delivery/testing/spawn-worker";
import type { TestDatabase } from "@/lib/testing/test-databases";

export const BENCH_TEXT = "Spring sale: 20% off everything until Sunday. Reply STOP to opt out.";

export interface SendRun {
  campaignId: number;
  msgs_per_s: number;
  seconds: number;
  worker_peak_rss_mb: number;
  /** The worker process's CPU time per message (µs), from launch to the last outcome (steadier than wall time on a busy machine). */
  worker_cpu_us_per_msg: number;
}

/** Sends a campaign over `listId` (`count` contacts) through `spec` (its `id` is filled in here). */
export async function benchEngineSend(database: TestDatabase, listId: number, count: number, spec: Omit<FakeAccountSpec, "id">): Promise<SendRun> {
  const row = await seedAccount(database.db, spec.vendor, spec.url, spec.rateLimitPerSecond ?? 1_000_000, spec.batchSize ?? 1000);
  const account: FakeAccountSpec = { ...spec, id: row.id };
  const campaign = await createCampaign(database.db, { name: `bench ${spec.vendor}`, providerAccountId: row.id, text: BENCH_TEXT, listIds: [listId] }, null);
  const worker = spawnWorker({ databaseUrl: database.url, workerId: `bench-${spec.vendor}`, accounts: [account] });
  try {
    await worker.ready;
    await launchCampaign(sqlFor(database.raw), campaign.id);
    const started = performance.now();
    for (;;) {
      const c = await database.db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { queuedCount: true, sendingCount: true, submittedCount: true } });
      if (c.queuedCount + c.sendingCount === 0) {
        if (c.submittedCount !== count) throw new Error(`${spec.vendor}: ${c.submittedCount} of ${count} messages submitted`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const { maxRssMb, cpuMs } = await worker.stop();
    return {
      campaignId: campaign.id,
      msgs_per_s: Math.round(count / seconds),
      seconds: Number(seconds.toFixed(2)),
      worker_peak_rss_mb: maxRssMb,
      worker_cpu_us_per_msg: Number(((cpuMs * 1000) / count).toFixed(1)),
    };
  } catch (error) {
    await worker.kill();
    throw error;
  }
}
