/**
 * MTTM adapter throughput against its fake: personalised messages through REST /secure/sendbatch in batches
 * of 1000 (a message counts when its batch is accepted), and the fake's own capacity for the same request
 * bodies sent raw. Run: `npx tsx scripts/bench/adapters/mttm.ts [count] [runs]`.
 */
import { mttmProvider } from "../../../lib/providers/mttm/index";
import { mttmOptionsSchema } from "../../../lib/providers/mttm/settings";
import { batchBody, BATCH_PATH, jasminNumber } from "../../../lib/providers/mttm/wire";
import { basicAuth, httpRequest } from "../../../lib/providers/shared/http";
import type { OutgoingMessage, ReportUrls } from "../../../lib/providers/types";
import { type AdapterBenchResult, compareAdapterWithRaw, inBatches, runIfMain, startFakeProcess } from "./harness";

const BATCH = 1000;
const REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:3000/api/webhooks/bench/report",
  batchCallback: "http://127.0.0.1:3000/api/webhooks/bench/batch-callback",
  batchErrback: "http://127.0.0.1:3000/api/webhooks/bench/batch-errback",
  inbound: "http://127.0.0.1:3000/api/webhooks/bench/inbound",
};

export async function benchAdapterMttm(count = 100_000): Promise<AdapterBenchResult> {
  const fake = await startFakeProcess("mttm", { record: false, callbacks: "off" });
  try {
    const credentials = { username: "mttm-user", password: "mttm-pass" };
    const adapter = mttmProvider.create({ baseUrl: fake.restUrl, credentials, options: mttmOptionsSchema.parse({}), defaultSender: "MTTM", timeoutMs: 30_000, batchSize: BATCH });
    const messages: OutgoingMessage[] = Array.from({ length: count }, (_, i) => ({ attemptId: `att-${i}`, to: `+3161${String(i).padStart(7, "0")}`, text: `Hello contact ${i}, our sale starts today!`, encoding: "GSM7", segments: 1 }));
    const batches = inBatches(messages, BATCH);
    const common = { from: "MTTM", dlr: { url: REPORT_URLS.deliveryReport, level: 3 as const } };
    const config = { callbackUrl: REPORT_URLS.batchCallback, errbackUrl: REPORT_URLS.batchErrback };
    const headers = { authorization: basicAuth(credentials.username, credentials.password), "content-type": "application/json", accept: "application/json" };
    return await compareAdapterWithRaw({
      messages: count,
      fake,
      warmup: 4,
      adapterItems: batches,
      rawItems: batches.map((batch) => batchBody(batch.map((message) => ({ message, to: jasminNumber(message.to)! })), common, config)),
      async viaAdapter(batch) {
        const outcomes = await adapter.send({ messages: batch, reportUrls: REPORT_URLS });
        if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes[0])}`);
      },
      async raw(body) {
        const reply = await httpRequest({ method: "POST", url: `${fake.restUrl}${BATCH_PATH}`, headers, body, timeoutMs: 30_000 });
        if (reply.kind !== "response" || reply.status !== 200) throw new Error(`raw batch refused: ${JSON.stringify(reply).slice(0, 200)}`);
      },
    });
  } finally {
    await fake.close();
  }
}

await runIfMain(import.meta.url, "mttm", benchAdapterMttm);
