/**
 * Builders shared by the Masiv tests and benchmark: an account's settings pointing at a fake, and messages.
 */
import type { OutgoingMessage, ReportUrls } from "../types";
import type { MasivFake } from "./fake-masiv";
import { masivOptionsSchema, type MasivOptions, type MasivSettings } from "./settings";

/** Settings for the fake's default account; `options` are parsed so defaults apply as in the app. */
export function masivSettingsFor(
  fake: Pick<MasivFake, "baseUrl">,
  overrides: Partial<Omit<MasivSettings, "options">> & { options?: Partial<MasivOptions> } = {},
): MasivSettings {
  return {
    baseUrl: fake.baseUrl,
    credentials: { username: "user", password: "secret" },
    timeoutMs: 2_000,
    batchSize: 1,
    ...overrides,
    options: masivOptionsSchema.parse(overrides.options ?? {}),
  };
}

/** A message as the engine hands it over (encoding and segments are not read by this adapter). */
export function masivMessage(attemptId: string, to: string, text: string): OutgoingMessage {
  return { attemptId, to, text, encoding: "GSM7", segments: 1 };
}

/** Masiv takes no webhooks; the engine passes URLs anyway. */
export const NO_REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:9/dlr",
  batchCallback: "http://127.0.0.1:9/cb",
  batchErrback: "http://127.0.0.1:9/eb",
  inbound: "http://127.0.0.1:9/in",
};
