/**
 * Masiv adapter throughput against its fake (one message per request), and the fake's own capacity for
 * the same URLs sent raw. Run: `npx tsx scripts/bench/adapters/masiv.ts [count] [runs]`.
 */
import { httpRequest } from "../../../lib/providers/shared/http";
import { masivProvider } from "../../../lib/providers/masiv";
import { buildMasivSendUrl, masivSendPrefix } from "../../../lib/providers/masiv/send-message";
import { masivMessage, masivSettingsFor, NO_REPORT_URLS } from "../../../lib/providers/masiv/test-support";
import { type AdapterBenchResult, compareAdapterWithRaw, runIfMain, startFakeProcess } from "./harness";

const SENDER = "3027";

export async function benchAdapterMasiv(count = 100_000): Promise<AdapterBenchResult> {
  const fake = await startFakeProcess("masiv", { record: false });
  try {
    const settings = masivSettingsFor(fake, { timeoutMs: 10_000 });
    const adapter = masivProvider.create(settings);
    const messages = Array.from({ length: count }, (_, i) => masivMessage(`m${i}`, `+57315${String(i).padStart(7, "0")}`, `Hello ${i}, your code is ${i % 9973}`));
    return await compareAdapterWithRaw({
      messages: count,
      fake,
      warmup: 2_000,
      adapterItems: messages,
      rawItems: messages.map((message) => {
        const built = buildMasivSendUrl({ settings, sendPrefix: masivSendPrefix(settings), sender: SENDER }, message);
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

await runIfMain(import.meta.url, "masiv", benchAdapterMasiv);
