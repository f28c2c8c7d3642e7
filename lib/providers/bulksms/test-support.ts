/**
 * Shared pieces of this folder's tests: an account pointed at a fake gateway, and messages to send.
 */
import type { OutgoingMessage, ReportUrls } from "../types";
import { bulksmsOptionsSchema, type BulksmsOptions, type BulksmsSettings } from "./settings";
import type { BulksmsFake } from "./fake-bulksms";

/** Report URLs as the engine would build them (bulksms takes none per request; the account holds one). */
export const REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:9/api/webhooks/token/delivery",
  batchCallback: "http://127.0.0.1:9/api/webhooks/token/batch-callback",
  batchErrback: "http://127.0.0.1:9/api/webhooks/token/batch-errback",
  inbound: "http://127.0.0.1:9/api/webhooks/token/inbound",
};

/** An account on `fake` with the fake's default credentials and sender `ACME`. */
export function settingsFor(
  fake: Pick<BulksmsFake, "url">,
  overrides: Partial<Omit<BulksmsSettings, "options">> & { options?: Partial<BulksmsOptions> } = {},
): BulksmsSettings {
  return {
    baseUrl: fake.url,
    credentials: { username: "user", password: "secret" },
    defaultSender: "ACME",
    timeoutMs: 2_000,
    batchSize: 100,
    ...overrides,
    options: bulksmsOptionsSchema.parse(overrides.options ?? {}),
  };
}

/** A GSM-7 message to `+2348055494<nnn>` (or `to`). */
export function gsmMessage(n: number, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    attemptId: `attempt-${n}`,
    to: `+2348055494${String(n).padStart(3, "0")}`,
    text: "Hello from ACME",
    encoding: "GSM7",
    segments: 1,
    ...overrides,
  };
}
