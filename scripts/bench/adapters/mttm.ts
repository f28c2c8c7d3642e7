/**
 * Benchmark of the MTTM adapter against its fake: `count` personalised messages through REST
 * `/secure/sendbatch` in batches of 1000, 8 requests in flight as the engine would keep them, a message
 * counted when its outcome is known. Then the fake's own capacity for the same request bodies sent raw
 * (pre-built, no adapter work), so the adapter's overhead reads as a ratio.
 *
 *   npx tsx scripts/bench/adapters/mttm.ts [count]
 */
import { pathToFileURL } from "node:url";
import { startMttmFake } from "../../../lib/providers/mttm/fake-mttm";
import { mttmProvider } from "../../../lib/providers/mttm/index";
import { mttmOptionsSchema } from "../../../lib/providers/mttm/settings";
import { basicAuth, httpRequest } from "../../../lib/providers/shared/http";
import { batchBody, BATCH_PATH, jasminNumber } from "../../../lib/providers/mttm/wire";
import type { OutgoingMessage, ReportUrls } from "../../../lib/providers/types";

const BATCH_SIZE = 1000;
const CONCURRENCY = 8;

const REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:3000/api/webhooks/bench/delivery-report",
  batchCallback: "http://127.0.0.1:3000/api/webhooks/bench/batch-callback",
  batchErrback: "http://127.0.0.1:3000/api/webhooks/bench/batch-errback",
  inbound: "http://127.0.0.1:3000/api/webhooks/bench/inbound",
};

/** Messages/s through the adapter, and the fake's own messages/s for the same requests. */
export async function benchAdapterMttm(count = 100_000): Promise<{ msgs_per_s: number; fake_msgs_per_s: number }> {
  const fake = await startMttmFake({ record: false, callbacks: "off" });
  try {
    const settings = {
      baseUrl: fake.restUrl,
      credentials: { username: "mttm-user", password: "mttm-pass" },
      options: mttmOptionsSchema.parse({}),
      defaultSender: "MTTM",
      timeoutMs: 30_000,
      batchSize: BATCH_SIZE,
    };
    const batches: OutgoingMessage[][] = [];
    for (let start = 0; start < count; start += BATCH_SIZE) {
      const batch: OutgoingMessage[] = [];
      for (let i = start; i < Math.min(count, start + BATCH_SIZE); i++) {
        batch.push({ attemptId: `att-${i}`, to: `+3161${String(i).padStart(7, "0")}`, text: `Hello contact ${i}, our sale starts today!`, encoding: "GSM7", segments: 1 });
      }
      batches.push(batch);
    }

    const adapter = mttmProvider.create(settings);
    let known = 0;
    const adapterSeconds = await timed(batches, async (batch) => {
      const outcomes = await adapter.send({ messages: batch, reportUrls: REPORT_URLS });
      if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes[0])}`);
      known += outcomes.length;
    });
    if (known !== count) throw new Error(`${known} outcomes for ${count} messages`);

    const common = { from: "MTTM", dlr: { url: REPORT_URLS.deliveryReport, level: 3 as const } };
    const config = { callbackUrl: REPORT_URLS.batchCallback, errbackUrl: REPORT_URLS.batchErrback };
    const bodies = batches.map((batch) => batchBody(batch.map((message) => ({ message, to: jasminNumber(message.to)! })), common, config));
    const headers = { authorization: basicAuth("mttm-user", "mttm-pass"), "content-type": "application/json", accept: "application/json" };
    const before = fake.acceptedCount;
    const rawSeconds = await timed(bodies, async (body) => {
      const reply = await httpRequest({ method: "POST", url: `${fake.restUrl}${BATCH_PATH}`, headers, body, timeoutMs: 30_000 });
      if (reply.kind !== "response" || reply.status !== 200) throw new Error(`raw batch refused: ${JSON.stringify(reply).slice(0, 200)}`);
    });
    if (fake.acceptedCount - before !== count) throw new Error("the fake did not accept every raw message");
    return { msgs_per_s: Math.round(count / adapterSeconds), fake_msgs_per_s: Math.round(count / rawSeconds) };
  } finally {
    await fake.close();
  }
}

/** Runs `work` over `items` with CONCURRENCY in flight; returns the elapsed seconds. */
async function timed<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const count = Number(process.argv[2] ?? 100_000);
  benchAdapterMttm(count).then((result) => console.log(JSON.stringify({ adapter: "mttm", count, ...result })));
}
