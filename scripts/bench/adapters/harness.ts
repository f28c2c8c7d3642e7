/**
 * What every adapter benchmark shares: the vendor's fake started in a child process (fake-process.ts), so
 * the client measured here has its event loop and its CPU to itself, as a worker talking to a real gateway
 * does; items sent with 8 requests in flight (as the engine runs them); the adapter path and the raw path
 * alternated in rounds so both see the same machine load; wall time and the CPU time of both processes
 * totalled over all rounds; and the command-line wrapper printing runs and medians.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FAKE_STARTERS, FakeProcessConfig } from "./fake-process";

export const CONCURRENCY = 8;
/**
 * Rounds per path: many short ones pair the two paths closely in time while the machine's load drifts, but
 * each round holds at least 25 items per request in flight, so all CONCURRENCY slots stay busy for most of
 * it. Per-message benches (100,000 items) get 50 rounds; batch benches (100 batches) the minimum of 10.
 */
const ROUNDS = { min: 10, max: 50, itemsPerSlot: 25 };

export interface AdapterBenchResult {
  msgs_per_s: number;
  fake_msgs_per_s: number;
  /**
   * CPU time per message on each path, of the client (this process: adapter or bare HTTP client) and of the
   * fake (its own process). Steadier than wall time when other processes compete, and they tell which side
   * bounds the throughput.
   */
  cpu_us_per_msg: { adapter: ProcessCpu; raw: ProcessCpu };
}

export interface ProcessCpu {
  client: number;
  fake: number;
}

type FakeStarters = typeof FAKE_STARTERS;
type FakeVendor = keyof FakeStarters;
type FakeOf<V extends FakeVendor> = Awaited<ReturnType<FakeStarters[V]>>;
/** What a bench can use of a fake in another process: its URLs (`url`, `baseUrl`, `restUrl`…), its CPU time, and stopping it. */
export type FakeProcess<V extends FakeVendor> = { [K in keyof FakeOf<V> as FakeOf<V>[K] extends string ? K : never]: string } & FakeControl;

interface FakeControl {
  /** The fake process's CPU time so far (user + system, µs). */
  cpuUs(): Promise<number>;
  close(): Promise<void>;
}

const FAKE_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "fake-process.ts");
const ROOT = path.resolve(path.dirname(FAKE_ENTRY), "../../..");

/** Starts `vendor`'s fake with `options` in a child process; resolves once it listens. */
export async function startFakeProcess<V extends FakeVendor>(vendor: V, options: NonNullable<Parameters<FakeStarters[V]>[0]>): Promise<FakeProcess<V>> {
  const config: FakeProcessConfig = { vendor, options };
  const child = spawn(process.execPath, ["--import", "tsx", FAKE_ENTRY, JSON.stringify(config)], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // The child answers one line per question, in order: its URLs first, then one per `cpu`.
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => waiting.shift()?.(line));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      void exited.then((code) => reject(new Error(`the ${vendor} fake exited (${code})`)));
    });
  const urls = JSON.parse(await nextLine()) as Record<string, string>;
  const control: FakeControl = {
    async cpuUs() {
      const line = nextLine();
      child.stdin.write("cpu\n");
      return Number(await line);
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
  return { ...urls, ...control } as FakeProcess<V>;
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
  /** The fake the requests go to, for its CPU time. */
  fake: Pick<FakeControl, "cpuUs">;
}

export async function compareAdapterWithRaw<A, R>(c: Comparison<A, R>): Promise<AdapterBenchResult> {
  if (c.adapterItems.length !== c.rawItems.length) throw new Error("adapter and raw items must be aligned");
  await inParallel(c.adapterItems.slice(0, c.warmup), c.viaAdapter);
  await inParallel(c.rawItems.slice(0, c.warmup), c.raw);
  const adapter = { ms: 0, clientUs: 0, fakeUs: 0 };
  const raw = { ms: 0, clientUs: 0, fakeUs: 0 };
  const timed = async (total: typeof adapter, run: () => Promise<void>) => {
    const fakeBefore = await c.fake.cpuUs();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run();
    total.ms += performance.now() - started;
    const used = process.cpuUsage(cpu);
    total.clientUs += used.user + used.system;
    total.fakeUs += (await c.fake.cpuUs()) - fakeBefore;
  };
  const rounds = Math.min(ROUNDS.max, Math.max(ROUNDS.min, Math.floor(c.adapterItems.length / (CONCURRENCY * ROUNDS.itemsPerSlot))));
  const roundSize = Math.ceil(c.adapterItems.length / rounds);
  for (let start = 0, round = 0; start < c.adapterItems.length; start += roundSize, round++) {
    const adapterPart = () => timed(adapter, () => inParallel(c.adapterItems.slice(start, start + roundSize), c.viaAdapter));
    const rawPart = () => timed(raw, () => inParallel(c.rawItems.slice(start, start + roundSize), c.raw));
    // Alternate which goes first, so neither always inherits the other's garbage collection.
    if (round % 2 === 0) await adapterPart().then(rawPart);
    else await rawPart().then(adapterPart);
  }
  const perMessage = (us: number) => Math.round((us / c.messages) * 100) / 100;
  return {
    msgs_per_s: Math.round(c.messages / (adapter.ms / 1000)),
    fake_msgs_per_s: Math.round(c.messages / (raw.ms / 1000)),
    cpu_us_per_msg: {
      adapter: { client: perMessage(adapter.clientUs), fake: perMessage(adapter.fakeUs) },
      raw: { client: perMessage(raw.clientUs), fake: perMessage(raw.fakeUs) },
    },
  };
}

/** The CPU figures in words, for the printed lines. */
export function describeCpu({ adapter, raw }: AdapterBenchResult["cpu_us_per_msg"]): string {
  return `CPU µs/msg: client (this process) ${adapter.client} via adapter, ${raw.client} raw; fake (own process) ${adapter.fake} / ${raw.fake}`;
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
    console.log(`run ${i + 1}: adapter ${r.msgs_per_s} msg/s, fake raw ${r.fake_msgs_per_s} msg/s (ratio ${(r.msgs_per_s / r.fake_msgs_per_s).toFixed(2)}); ${describeCpu(r.cpu_us_per_msg)}`);
    results.push(r);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `${vendor} median of ${runs} (${count} messages): adapter ${median(results.map((r) => r.msgs_per_s))} msg/s, ` +
      `fake raw ${median(results.map((r) => r.fake_msgs_per_s))} msg/s, ratio ${median(results.map((r) => r.msgs_per_s / r.fake_msgs_per_s)).toFixed(2)}`,
  );
}
