/**
 * Achieved over configured rate: a campaign through an account limited to `rate` messages/s, timed where
 * the gateway sees the requests (a recording proxy in front of the DIDWW fake). A full bucket allows one
 * second's burst, so the achieved rate is (messages − one burst) / (last request − first request).
 */
import { startDidwwFake } from "@/lib/providers/didww/fake-didww";
import { startRecordingProxy } from "@/lib/delivery/testing/recording-proxy";
import type { TestDatabase } from "@/lib/testing/test-databases";
import { benchEngineSend } from "./engine-send";

export async function benchRateAccuracy(database: TestDatabase, listId: number, count: number, rate: number): Promise<{ achieved_per_s: number; rate_accuracy: number }> {
  const fake = await startDidwwFake({ record: false });
  const proxy = await startRecordingProxy(fake.url);
  try {
    await benchEngineSend(database, listId, count, { vendor: "didww", url: proxy.url, rateLimitPerSecond: rate, batchSize: 100 });
    const times = proxy.requests.filter((r) => r.status === 201).map((r) => r.at);
    const achieved = (count - rate) / ((Math.max(...times) - Math.min(...times)) / 1000);
    return { achieved_per_s: Math.round(achieved), rate_accuracy: Number((achieved / rate).toFixed(3)) };
  } finally {
    await proxy.close();
    await fake.close();
  }
}
