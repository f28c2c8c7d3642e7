/**
 * OGANGI adapter throughput against its fake (one signed request per message), and the fake's own capacity
 * for the same signed URLs sent raw. Run: `npx tsx scripts/bench/adapters/ogangi.ts [count] [runs]`.
 */
import { httpRequest } from "../../../lib/providers/shared/http";
import { ogangiProvider } from "../../../lib/providers/ogangi";
import { buildOgangiSendUrl } from "../../../lib/providers/ogangi/send-message";
import { ogangiSigner } from "../../../lib/providers/ogangi/signing";
import { NO_REPORT_URLS, ogangiMessage, ogangiSettingsFor } from "../../../lib/providers/ogangi/test-support";
import { type AdapterBenchResult, compareAdapterWithRaw, runIfMain, startFakeProcess } from "./harness";

const SENDER = "19893653744";

export async function benchAdapterOgangi(count = 100_000): Promise<AdapterBenchResult> {
  const fake = await startFakeProcess("ogangi", { record: false });
  try {
    const settings = ogangiSettingsFor(fake, { timeoutMs: 10_000 });
    const adapter = ogangiProvider.create(settings);
    const signer = ogangiSigner(settings);
    const messages = Array.from({ length: count }, (_, i) => ogangiMessage(`m${i}`, `+58412${String(i).padStart(7, "0")}`, `Hola ${i}, tu código es ${i % 9973}`));
    return await compareAdapterWithRaw({
      messages: count,
      fake,
      warmup: 2_000,
      adapterItems: messages,
      rawItems: messages.map((message) => {
        const built = buildOgangiSendUrl(settings, signer, message, SENDER);
        if (built.kind !== "url") throw new Error(`bench message refused: ${built.reason}`);
        return built.url;
      }),
      async viaAdapter(message) {
        const [outcome] = await adapter.send({ messages: [message], sender: SENDER, reportUrls: NO_REPORT_URLS });
        if (outcome.kind !== "accepted") throw new Error(`bench message not accepted: ${JSON.stringify(outcome)}`);
      },
      async raw(url) {
        const response = await httpRequest({ method: "GET", url, timeoutMs: 10_000 });
        if (response.kind !== "response" || response.status !== 200) throw new Error("raw request failed");
      },
    });
  } finally {
    await fake.close();
  }
}

await runIfMain(import.meta.url, "ogangi", benchAdapterOgangi);
