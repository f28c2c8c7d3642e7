/**
 * OGANGI adapter throughput against its fake, and the fake's own capacity for the same requests sent raw
 * (same signed URLs), so the adapter's overhead reads as a ratio.
 * Run: `npx tsx scripts/bench/adapters/ogangi.ts [count] [runs]`.
 */
import { pathToFileURL } from "node:url";
import { httpRequest } from "../../../lib/providers/shared/http";
import { startOgangiFake } from "../../../lib/providers/ogangi/fake-ogangi";
import { ogangiProvider } from "../../../lib/providers/ogangi";
import { buildOgangiSendUrl } from "../../../lib/providers/ogangi/send-message";
import { NO_REPORT_URLS, ogangiMessage, ogangiSettingsFor } from "../../../lib/providers/ogangi/test-support";
import type { OutgoingMessage } from "../../../lib/providers/types";

const CONCURRENCY = 8;
const ROUNDS = 10;

/** Messages per second through the adapter, and through raw pre-built requests, at the same concurrency. */
export async function benchAdapterOgangi(count = 100_000): Promise<{ msgs_per_s: number; fake_msgs_per_s: number }> {
  const fake = await startOgangiFake({ record: false });
  try {
    const settings = ogangiSettingsFor(fake, { timeoutMs: 10_000 });
    const adapter = ogangiProvider.create(settings);
    const messages = Array.from({ length: count }, (_, i) => ogangiMessage(`m${i}`, `+58412${String(i).padStart(7, "0")}`, `Hola ${i}, tu código es ${i % 9973}`));
    const urls = messages.map((message) => {
      const built = buildOgangiSendUrl(settings, message, "19893653744");
      if (built.kind !== "url") throw new Error(`bench message refused: ${built.reason}`);
      return built.url;
    });

    // A message counts when its outcome is known; every one must be accepted or the figure means nothing.
    const adapterRun = (batch: OutgoingMessage[]) =>
      inParallel(batch.length, async (i) => {
        const [outcome] = await adapter.send({ messages: [batch[i]], sender: "19893653744", reportUrls: NO_REPORT_URLS });
        if (outcome.kind !== "accepted") throw new Error(`bench message not accepted: ${JSON.stringify(outcome)}`);
      });
    const rawRun = (batch: string[]) =>
      inParallel(batch.length, async (i) => {
        const response = await httpRequest({ method: "GET", url: batch[i], timeoutMs: 10_000 });
        if (response.kind !== "response" || response.status !== 200) throw new Error("raw request failed");
      });

    // Warm both paths (JIT, sockets), then alternate them in rounds so both see the same machine load
    // (other processes share these 2 cores); the figures are totals over all rounds.
    await adapterRun(messages.slice(0, 2_000));
    await rawRun(urls.slice(0, 2_000));
    let adapterMs = 0;
    let rawMs = 0;
    const roundSize = Math.ceil(count / ROUNDS);
    const timed = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    for (let start = 0, round = 0; start < count; start += roundSize, round++) {
      const adapterPart = () => adapterRun(messages.slice(start, start + roundSize));
      const rawPart = () => rawRun(urls.slice(start, start + roundSize));
      // Alternate which goes first, so neither always inherits the other's garbage collection.
      if (round % 2 === 0) {
        adapterMs += await timed(adapterPart);
        rawMs += await timed(rawPart);
      } else {
        rawMs += await timed(rawPart);
        adapterMs += await timed(adapterPart);
      }
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
    const result = await benchAdapterOgangi(count);
    console.log(`run ${i + 1}: adapter ${result.msgs_per_s} msg/s, fake raw ${result.fake_msgs_per_s} msg/s`);
    results.push(result);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const adapterMedian = median(results.map((r) => r.msgs_per_s));
  const rawMedian = median(results.map((r) => r.fake_msgs_per_s));
  console.log(`ogangi median of ${runs}: adapter ${adapterMedian} msg/s, fake raw ${rawMedian} msg/s, ratio ${(adapterMedian / rawMedian).toFixed(2)}`);
}
