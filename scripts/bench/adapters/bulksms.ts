/**
 * bulksms adapter throughput against its fake (batches of the adapter's maximum, 500 destinations, 8 `send`
 * calls in flight as the engine would run them), and the fake's own capacity for the same requests sent raw
 * (URLs built before the clock starts), so the adapter's overhead reads as a ratio.
 * Run: `npx tsx scripts/bench/adapters/bulksms.ts [count] [runs]`.
 */
import { pathToFileURL } from "node:url";
import { httpRequest } from "../../../lib/providers/shared/http";
import { startBulksmsFake } from "../../../lib/providers/bulksms/fake-bulksms";
import { bulksmsProvider } from "../../../lib/providers/bulksms";
import { planRequests } from "../../../lib/providers/bulksms/request";
import { MAX_DESTINATIONS_PER_REQUEST } from "../../../lib/providers/bulksms/settings";
import { gsmMessage, REPORT_URLS, settingsFor } from "../../../lib/providers/bulksms/test-support";
import type { OutgoingMessage } from "../../../lib/providers/types";

const CONCURRENCY = 8;
const BATCH = MAX_DESTINATIONS_PER_REQUEST;
const ROUNDS = 10;
const SENDER = "ACME";
const TEXT = "Spring sale: 20% off everything until Sunday. Reply STOP to opt out.";

/** Messages per second through the adapter, and through raw pre-built requests, at the same concurrency. */
export async function benchAdapterBulksms(count = 100_000): Promise<{ msgs_per_s: number; fake_msgs_per_s: number }> {
  const fake = await startBulksmsFake({ record: false, maxDestinations: BATCH });
  try {
    const settings = settingsFor(fake, { timeoutMs: 10_000, batchSize: BATCH, defaultSender: SENDER });
    const adapter = bulksmsProvider.create(settings);
    const messages = Array.from({ length: count }, (_, i) => gsmMessage(i, { attemptId: `m${i}`, to: `+23480${String(i).padStart(8, "0")}`, text: TEXT }));
    const batches: OutgoingMessage[][] = [];
    for (let start = 0; start < count; start += BATCH) batches.push(messages.slice(start, start + BATCH));
    // The very requests the adapter sends (the same planner), built before timing.
    const urlsPerBatch = batches.map(
      (batch) =>
        planRequests(batch, {
          baseUrl: fake.url,
          path: settings.options.sendPath,
          username: settings.credentials.username,
          password: settings.credentials.password,
          dlr: "1",
          source: SENDER,
          batchSize: BATCH,
          maxUrlLength: settings.options.maxUrlLength,
        }).requests.map((request) => request.url),
    );

    const adapterRun = async (part: OutgoingMessage[][]) =>
      inParallel(part.length, async (i) => {
        const outcomes = await adapter.send({ messages: part[i], reportUrls: REPORT_URLS });
        if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes.find((o) => o.kind !== "accepted"))}`);
      });
    const rawRun = async (part: string[][]) =>
      inParallel(part.length, async (i) => {
        for (const url of part[i]) {
          const reply = await httpRequest({ method: "GET", url, timeoutMs: 10_000 });
          if (reply.kind !== "response" || !reply.body.startsWith("1701|")) throw new Error("raw request failed");
        }
      });

    // Warm both paths (JIT, sockets), then alternate them in rounds so both see the same machine load
    // (other processes share these cores); the figures are totals over all rounds.
    await adapterRun(batches.slice(0, 4));
    await rawRun(urlsPerBatch.slice(0, 4));
    let adapterMs = 0;
    let rawMs = 0;
    const roundSize = Math.ceil(batches.length / ROUNDS);
    for (let start = 0; start < batches.length; start += roundSize) {
      let started = performance.now();
      await adapterRun(batches.slice(start, start + roundSize));
      adapterMs += performance.now() - started;
      started = performance.now();
      await rawRun(urlsPerBatch.slice(start, start + roundSize));
      rawMs += performance.now() - started;
    }
    return { msgs_per_s: Math.round(count / (adapterMs / 1000)), fake_msgs_per_s: Math.round(count / (rawMs / 1000)) };
  } finally {
    await fake.close();
  }
}

async function inParallel(count: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 3);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await benchAdapterBulksms(count);
    console.log(`run ${i + 1}: adapter ${result.msgs_per_s} msg/s, fake raw ${result.fake_msgs_per_s} msg/s`);
    results.push(result);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const adapterMedian = median(results.map((r) => r.msgs_per_s));
  const rawMedian = median(results.map((r) => r.fake_msgs_per_s));
  console.log(`bulksms median of ${runs}: adapter ${adapterMedian} msg/s, fake raw ${rawMedian} msg/s, ratio ${(adapterMedian / rawMedian).toFixed(2)}`);
}
