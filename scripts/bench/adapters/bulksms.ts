/**
 * bulksms adapter throughput against its fake (batches of 500 destinations), and the fake's own capacity
 * for the same URLs sent raw (built by the adapter's own planner before the clock starts).
 * Run: `npx tsx scripts/bench/adapters/bulksms.ts [count] [runs]`.
 */
import { httpRequest } from "../../../lib/providers/shared/http";
import { bulksmsProvider } from "../../../lib/providers/bulksms";
import { planRequests, type RequestContext } from "../../../lib/providers/bulksms/request";
import { MAX_DESTINATIONS_PER_REQUEST } from "../../../lib/providers/bulksms/settings";
import { gsmMessage, REPORT_URLS, settingsFor } from "../../../lib/providers/bulksms/test-support";
import { type AdapterBenchResult, compareAdapterWithRaw, inBatches, runIfMain, startFakeProcess } from "./harness";

const BATCH = MAX_DESTINATIONS_PER_REQUEST;
const SENDER = "ACME";
const TEXT = "Spring sale: 20% off everything until Sunday. Reply STOP to opt out.";

export async function benchAdapterBulksms(count = 100_000): Promise<AdapterBenchResult> {
  const fake = await startFakeProcess("bulksms", { record: false, maxDestinations: BATCH });
  try {
    const settings = settingsFor(fake, { timeoutMs: 10_000, batchSize: BATCH, defaultSender: SENDER });
    const adapter = bulksmsProvider.create(settings);
    const batches = inBatches(Array.from({ length: count }, (_, i) => gsmMessage(i, { attemptId: `m${i}`, to: `+23480${String(i).padStart(8, "0")}`, text: TEXT })), BATCH);
    const plan: RequestContext = { baseUrl: fake.url, path: settings.options.sendPath, username: settings.credentials.username, password: settings.credentials.password, dlr: "1", source: SENDER, batchSize: BATCH, maxUrlLength: settings.options.maxUrlLength };
    return await compareAdapterWithRaw({
      messages: count,
      fake,
      warmup: 4,
      adapterItems: batches,
      rawItems: batches.map((batch) => planRequests(batch, plan).requests.map((request) => request.url)),
      async viaAdapter(batch) {
        const outcomes = await adapter.send({ messages: batch, reportUrls: REPORT_URLS });
        if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes.find((o) => o.kind !== "accepted"))}`);
      },
      async raw(urls) {
        for (const url of urls) {
          const reply = await httpRequest({ method: "GET", url, timeoutMs: 10_000 });
          if (reply.kind !== "response" || !reply.body.startsWith("1701|")) throw new Error("raw request failed");
        }
      },
    });
  } finally {
    await fake.close();
  }
}

await runIfMain(import.meta.url, "bulksms", benchAdapterBulksms);
