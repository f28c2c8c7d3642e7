/**
 * Masiv adapter throughput against its fake, and the fake's own capacity for the same requests sent raw,
 * so the adapter's overhead reads as a ratio. Run: `npx tsx scripts/bench/adapters/masiv.ts [count] [runs]`.
 */
import { pathToFileURL } from "node:url";
import { httpRequest } from "../../../lib/providers/shared/http";
import { startMasivFake } from "../../../lib/providers/masiv/fake-masiv";
import { masivProvider } from "../../../lib/providers/masiv";
import { buildMasivSendUrl, masivSendPrefix } from "../../../lib/providers/masiv/send-message";
import { masivMessage, masivSettingsFor, NO_REPORT_URLS } from "../../../lib/providers/masiv/test-support";
import type { OutgoingMessage } from "../../../lib/providers/types";

const CONCURRENCY = 8;

interface BenchResult {
  msgs_per_s: number;
  fake_msgs_per_s: number;
  cpu_us_per_msg: number;
  fake_cpu_us_per_msg: number;
}
const ROUNDS = 10;

/** Messages per second through the adapter, and through raw pre-built requests, at the same concurrency. */
export async function benchAdapterMasiv(count = 100_000): Promise<BenchResult> {
  const fake = await startMasivFake({ record: false });
  try {
    const settings = masivSettingsFor(fake, { timeoutMs: 10_000 });
    const adapter = masivProvider.create(settings);
    const messages = Array.from({ length: count }, (_, i) => masivMessage(`m${i}`, `+57315${String(i).padStart(7, "0")}`, `Hello ${i}, your code is ${i % 9973}`));
    const urls = messages.map((message) => {
      const built = buildMasivSendUrl({ settings, sendPrefix: masivSendPrefix(settings), sender: "3027" }, message);
      if (built.kind !== "url") throw new Error(`bench message refused: ${built.reason}`);
      return built.url;
    });

    // A message counts when its outcome is known; every one must be accepted or the figure means nothing.
    const adapterRun = (batch: OutgoingMessage[]) =>
      inParallel(batch.length, async (i) => {
        const [outcome] = await adapter.send({ messages: [batch[i]], sender: "3027", reportUrls: NO_REPORT_URLS });
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
    const adapter_ = { ms: 0, cpuUs: 0 };
    const raw_ = { ms: 0, cpuUs: 0 };
    const roundSize = Math.ceil(count / ROUNDS);
    const timed = async (total: { ms: number; cpuUs: number }, run: () => Promise<unknown>) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await run();
      total.ms += performance.now() - started;
      const used = process.cpuUsage(cpu);
      total.cpuUs += used.user + used.system;
    };
    for (let start = 0, round = 0; start < count; start += roundSize, round++) {
      const adapterPart = () => timed(adapter_, () => adapterRun(messages.slice(start, start + roundSize)));
      const rawPart = () => timed(raw_, () => rawRun(urls.slice(start, start + roundSize)));
      // Alternate which goes first, so neither always inherits the other's garbage collection.
      if (round % 2 === 0) await adapterPart().then(rawPart);
      else await rawPart().then(adapterPart);
    }
    return {
      msgs_per_s: Math.round(count / (adapter_.ms / 1000)),
      fake_msgs_per_s: Math.round(count / (raw_.ms / 1000)),
      // CPU per message of this process (fake + client): steadier than wall time when other processes
      // compete for the cores.
      cpu_us_per_msg: Math.round(adapter_.cpuUs / count),
      fake_cpu_us_per_msg: Math.round(raw_.cpuUs / count),
    };
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
  const results: BenchResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await benchAdapterMasiv(count);
    console.log(
      `run ${i + 1}: adapter ${r.msgs_per_s} msg/s, fake raw ${r.fake_msgs_per_s} msg/s (ratio ${(r.msgs_per_s / r.fake_msgs_per_s).toFixed(2)}); ` +
        `CPU ${r.cpu_us_per_msg} vs ${r.fake_cpu_us_per_msg} µs/msg (ratio ${(r.fake_cpu_us_per_msg / r.cpu_us_per_msg).toFixed(2)})`,
    );
    results.push(r);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `masiv median of ${runs} (${count} messages): adapter ${median(results.map((r) => r.msgs_per_s))} msg/s, ` +
      `fake raw ${median(results.map((r) => r.fake_msgs_per_s))} msg/s, ratio ${median(results.map((r) => r.msgs_per_s / r.fake_msgs_per_s)).toFixed(2)}, ` +
      `CPU ratio ${median(results.map((r) => r.fake_cpu_us_per_msg / r.cpu_us_per_msg)).toFixed(2)}`,
  );
}
