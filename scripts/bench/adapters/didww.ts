/**
 * DIDWW adapter throughput against its fake (bulk requests of 1000), and the fake's own capacity for the
 * same requests sent raw. Run: `npx tsx scripts/bench/adapters/didww.ts [count] [runs]`.
 */
import { basicAuth, httpRequest } from "../../../lib/providers/shared/http";
import { didwwProvider } from "../../../lib/providers/didww";
import { REPORT_URLS, didwwMessage, didwwSettingsFor } from "../../../lib/providers/didww/test-support";
import { BULK_PATH, JSON_API, messageDocument } from "../../../lib/providers/didww/wire";
import { type AdapterBenchResult, compareAdapterWithRaw, inBatches, runIfMain, startFakeProcess } from "./harness";

const BATCH = 1000;
const SENDER = "37041123456";
const TEXT = "Spring sale: 20% off everything until Sunday. Reply STOP to opt out.";

export async function benchAdapterDidww(count = 100_000): Promise<AdapterBenchResult> {
  const fake = await startFakeProcess("didww", { record: false });
  try {
    const adapter = didwwProvider.create(didwwSettingsFor(fake, { timeoutMs: 10_000, batchSize: BATCH }));
    const batches = inBatches(Array.from({ length: count }, (_, i) => didwwMessage(`m${i}`, `+3704${String(i).padStart(7, "0")}`, TEXT)), BATCH);
    const headers = { authorization: basicAuth("user", "secret"), "content-type": JSON_API, accept: JSON_API };
    return await compareAdapterWithRaw({
      messages: count,
      fake,
      warmup: 4,
      adapterItems: batches,
      rawItems: batches.map((batch) => messageDocument("bulk_outbound_messages", { destination: batch.map((m) => m.to.slice(1)), source: SENDER, content: TEXT })),
      async viaAdapter(batch) {
        const outcomes = await adapter.send({ messages: batch, sender: SENDER, reportUrls: REPORT_URLS });
        if (outcomes.some((o) => o.kind !== "accepted")) throw new Error(`bench batch not accepted: ${JSON.stringify(outcomes[0])}`);
      },
      async raw(body) {
        const reply = await httpRequest({ method: "POST", url: fake.url + BULK_PATH, headers, body, timeoutMs: 10_000 });
        if (reply.kind !== "response" || reply.status !== 201) throw new Error("raw request failed");
      },
    });
  } finally {
    await fake.close();
  }
}

await runIfMain(import.meta.url, "didww", benchAdapterDidww);
