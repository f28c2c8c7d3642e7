/**
 * What every adapter benchmark shares: items sent with 8 requests in flight (as the engine runs them),
 * the adapter path and the raw path alternated in rounds so both see the same machine load, wall and CPU
 * time totalled over all rounds, and the command-line wrapper printing runs and medians.
 */
import { pathToFileURL } from "node:url";

export const CONCURRENCY = 8;
const ROUNDS = 10;

export interface AdapterBenchResult {
  msgs_per_s: number;
  fake_msgs_per_s: number;
  /** CPU per message of this process (fake + client): steadier than wall time when other processes compete. */
  cpu_us_per_msg: number;
  fake_cpu_us_per_msg: number;
}

/** Runs `work` over `items` with CONCURRENCY in flight. */
export async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export interface Comparison<A, R> {
  /** Messages carried by all the items together. */
  messages: number;
  /** What the adapter sends (a batch or a message per item) and the same requests pre-built (same length). */
  adapterItems: readonly A[];
  rawItems: readonly R[];
  /** Sends one item through the adapter; throws unless every message was accepted. */
  viaAdapter(item: A): Promise<void>;
  /** Sends one pre-built request; throws unless the fake accepted it. */
  raw(item: R): Promise<void>;
  /** Items sent on each path before timing starts (JIT, sockets). */
  warmup: number;
}

export async function compareAdapterWithRaw<A, R>(c: Comparison<A, R>): Promise<AdapterBenchResult> {
  if (c.adapterItems.length !== c.rawItems.length) throw new Error("adapter and raw items must be aligned");
  await inParallel(c.adapterItems.slice(0, c.warmup), c.viaAdapter);
  await inParallel(c.rawItems.slice(0, c.warmup), c.raw);
  const adapter = { ms: 0, cpuUs: 0 };
  const raw = { ms: 0, cpuUs: 0 };
  const timed = async (total: { ms: number; cpuUs: number }, run: () => Promise<void>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run();
    total.ms += performance.now() - started;
    const used = process.cpuUsage(cpu);
    total.cpuUs += used.user + used.system;
  };
  const roundSize = Math.ceil(c.adapterItems.length / ROUNDS);
  for (let start = 0, round = 0; start < c.adapterItems.length; start += roundSize, round++) {
    const adapterPart = () => timed(adapter, () => inParallel(c.adapterItems.slice(start, start + roundSize), c.viaAdapter));
    const rawPart = () => timed(raw, () => inParallel(c.rawItems.slice(start, start + roundSize), c.raw));
    // Alternate which goes first, so neither always inherits the other's garbage collection.
    if (round % 2 === 0) await adapterPart().then(rawPart);
    else await rawPart().then(adapterPart);
  }
  return {
    msgs_per_s: Math.round(c.messages / (adapter.ms / 1000)),
    fake_msgs_per_s: Math.round(c.messages / (raw.ms / 1000)),
    cpu_us_per_msg: Math.round((adapter.cpuUs / c.messages) * 100) / 100,
    fake_cpu_us_per_msg: Math.round((raw.cpuUs / c.messages) * 100) / 100,
  };
}

/** Splits messages into batches of `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** When `moduleUrl` is the script being run: `<script> [count] [runs]` prints each run and the medians. */
export async function runIfMain(moduleUrl: string, vendor: string, bench: (count: number) => Promise<AdapterBenchResult>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const count = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 3);
  const results: AdapterBenchResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await bench(count);
    console.log(`run ${i + 1}: adapter ${r.msgs_per_s} msg/s, fake raw ${r.fake_msgs_per_s} msg/s (ratio ${(r.msgs_per_s / r.fake_msgs_per_s).toFixed(2)}); CPU ${r.cpu_us_per_msg} vs ${r.fake_cpu_us_per_msg} µs/msg`);
    results.push(r);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `${vendor} median of ${runs} (${count} messages): adapter ${median(results.map((r) => r.msgs_per_s))} msg/s, ` +
      `fake raw ${median(results.map((r) => r.fake_msgs_per_s))} msg/s, ratio ${median(results.map((r) => r.msgs_per_s / r.fake_msgs_per_s)).toFixed(2)}`,
  );
}
