/**
 * Builders shared by the OGANGI tests and benchmark: an account's settings pointing at a fake, and messages.
 */
import type { OutgoingMessage, ReportUrls } from "../types";
import type { OgangiFake } from "./fake-ogangi";
import { ogangiOptionsSchema, type OgangiOptions, type OgangiSettings } from "./settings";

/** Settings for the fake's default workspace; `options` are parsed so defaults apply as in the app. */
export function ogangiSettingsFor(
  fake: Pick<OgangiFake, "baseUrl">,
  overrides: Partial<Omit<OgangiSettings, "options">> & { options?: Partial<OgangiOptions> } = {},
): OgangiSettings {
  return {
    baseUrl: fake.baseUrl,
    credentials: { instanceId: "8", publicKey: "4BFB-4943-9546-9BB8964254F2", privateKey: "FBF3-4310-909C-C4BBC26F886F" },
    defaultSender: "19893653744",
    timeoutMs: 2_000,
    batchSize: 1,
    ...overrides,
    options: ogangiOptionsSchema.parse(overrides.options ?? {}),
  };
}

/** A message as the engine hands it over (encoding and segments are not read by this adapter). */
export function ogangiMessage(attemptId: string, to: string, text: string): OutgoingMessage {
  return { attemptId, to, text, encoding: "GSM7", segments: 1 };
}

/** OGANGI takes no webhooks; the engine passes URLs anyway. */
export const NO_REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:9/dlr",
  batchCallback: "http://127.0.0.1:9/cb",
  batchErrback: "http://127.0.0.1:9/eb",
  inbound: "http://127.0.0.1:9/in",
};
