/**
 * Builders shared by this folder's tests and the benchmark: an account's settings pointed at a fake, and
 * outgoing messages with their encoding and segment count filled in.
 */
import { mttmProvider } from "./index";
import type { Encoding, OutgoingMessage, ProviderAdapter, ReportUrls } from "../types";
import type { MttmFake } from "./fake-mttm";
import { mttmOptionsSchema, type MttmOptions, type MttmSettings } from "./settings";

/** Settings for an account on `fake` (REST unless `options.transport` says otherwise). */
export function fakeSettings(fake: MttmFake, options: Partial<MttmOptions> = {}, overrides: Partial<MttmSettings> = {}): MttmSettings {
  const parsed = mttmOptionsSchema.parse(options);
  return {
    baseUrl: parsed.transport === "http" ? fake.httpUrl : fake.restUrl,
    credentials: { username: "mttm-user", password: "mttm-pass" },
    options: parsed,
    defaultSender: "MTTM",
    timeoutMs: 2000,
    batchSize: 1000,
    ...overrides,
  };
}

/** The adapter for an account on `fake`, built the way the engine builds it. */
export function fakeAdapter(fake: MttmFake, options: Partial<MttmOptions> = {}, overrides: Partial<MttmSettings> = {}): ProviderAdapter {
  return mttmProvider.create(fakeSettings(fake, options, overrides));
}

/** A message whose encoding and segments follow the text (GSM 160/153, UCS-2 70/67), as `lib/sms` computes them. */
export function outgoing(attemptId: string, to: string, text: string, encoding: Encoding = "GSM7"): OutgoingMessage {
  const units = text.length;
  const [single, multi] = encoding === "GSM7" ? [160, 153] : [70, 67];
  return { attemptId, to, text, encoding, segments: units <= single ? 1 : Math.ceil(units / multi) };
}

/** Report URLs for tests that never receive the callbacks. */
export const UNUSED_REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:9/dlr",
  batchCallback: "http://127.0.0.1:9/batch-callback",
  batchErrback: "http://127.0.0.1:9/batch-errback",
  inbound: "http://127.0.0.1:9/inbound",
};
