/**
 * DIDWW adapter throughput against its fake (bulk requests of 1000, 8 `send` calls in flight as the engine
 * would run them), and the fake's own capacity for the same requests sent raw, so the adapter's overhead
 * reads as a ratio. Run: `npx tsx scripts/bench/adapters/didww.ts [count] [runs]`.
 */
import { pathToFileURL } from "node:url";
import { basicAuth, httpRequest } from "../../../lib/providers/shared/http";
import { startDidwwFake } from "../../../lib/providers/didww/fake-didww";
import { didwwProvider } from "../../../lib/providers/didww";
import { REPORT_URLS, didwwMessage, didwwSettingsFor } from "../../../lib/providers/didww/test-support";
import { BULK_PATH, JSON_API, messageDocument } from "../../../lib/providers/didww/wire";
import type { OutgoingMessage } from "../../../lib/providers/types";

const CONCURRENCY = 8;
const BATCH = 1000;
const ROUNDS = 10;
const SENDER = "37041123456";
const TEXT = "Spring sale: 20% off everything until Sunday. Reply STOP to opt out.";

/** Messages per second through the adapter, and through raw pre-built requests, at the same concurrency. */
export async function benchAdapterDidww(count = 100_000): Promise<{ msgs_per_s: number; fake_msgs_per_s: number }> {
  const fake = await startDidwwFake({ record: false });
  try {
    const settings = didwwSettingsFor(fake, { timeoutMs: 10_000, batchSize: BATCH });
    const adapter = didwwProvider.create(settings);
    const messages = Array.from({ length: count }, (_, i) => didwwMessage(`m${i}`, `+3704${String(i).padStart(7, "0")}`, TEXT));
    const batches: OutgoingMessage[][] = [];
    for (let start = 0; start < count; start += BATCH) batches.push(messages.slice(start, start + BATCH));
    const bodies = batches.map((batch) =>
      messageDocument("bulk_outbound_messages", { destination: batch.map((m) => m.to.slice(1)), source: SENDER, content: TEXT }),
    );
    const headers = { authorization: basicAuth("user", "secret"), "content-type": JSON_API, accept: JSON_API };

    const adapterRun = async (part: OutgoingMessage[][]) =>
      inParallel(part.length, async (i) => {
        const outcomes = await adapter.send({ messages: part[i], sender: SENDER, reportUrls: REPORT_URLS });
        if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes[0])}`);
      });
    const rawRun = async (part: string[]) =>
      inParallel(part.length, async (i) => {
        const reply = await httpRequest({ method: "POST", url: fake.url + BULK_PATH, headers, body: part[i], timeoutMs: 10_000 });
        if (reply.kind !== "response" || reply.status !== 201) throw new Error("raw request failed");
      });

    // Warm both paths (JIT, sockets), then alternate them in rounds so both see the same machine load
    // (other processes share these 2 cores); the figures are totals over all rounds.
    await adapterRun(batches.slice(0, 4));
    await rawRun(bodies.slice(0, 4));
    let adapterMs = 0;
    let rawMs = 0;
    const roundSize = Math.ceil(batches.length / ROUNDS);
    for (let start = 0; start < batches.length; start += roundSize) {
      let started = performance.now();
      await adapterRun(batches.slice(start, start + roundSize));
      adapterMs += performance.now() - started;
      started = performance.now();
      await rawRun(bodies.slice(start, start + roundSize));
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
    const result = await benchAdapterDidww(count);
    console.log(`run ${i + 1}: adapter ${result.msgs_per_s} msg/s, fake raw ${result.fake_msgs_per_s} msg/s`);
    results.push(result);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const adapterMedian = median(results.map((r) => r.msgs_per_s));
  const rawMedian = median(results.map((r) => r.fake_msgs_per_s));
  console.log(`didww median of ${runs}: adapter ${adapterMedian} msg/s, fake raw ${rawMedian} msg/s, ratio ${(adapterMedian / rawMedian).toFixed(2)}`);
}
