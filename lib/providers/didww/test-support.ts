/**
 * Builders shared by the DIDWW tests and benchmark: an account's settings pointing at a fake, messages,
 * and a small receiver standing in for our webhook routes.
 */
import { startFakeServer, type FakeServer } from "../shared/fake-server";
import type { InboundMessage, OutgoingMessage, ProviderAdapter, RawRequest, ReportEvent, ReportUrls } from "../types";
import type { DidwwFake } from "./fake-didww";
import { didwwOptionsSchema, type DidwwOptions, type DidwwSettings } from "./settings";

/** Settings for the fake's default account; `options` are parsed so defaults apply as in the app. */
export function didwwSettingsFor(
  fake: Pick<DidwwFake, "url">,
  overrides: Partial<Omit<DidwwSettings, "options">> & { options?: Partial<DidwwOptions> } = {},
): DidwwSettings {
  return {
    baseUrl: fake.url,
    credentials: { username: "user", password: "secret" },
    timeoutMs: 2_000,
    batchSize: 1000,
    ...overrides,
    options: didwwOptionsSchema.parse(overrides.options ?? {}),
  };
}

/** A message as the engine hands it over (DIDWW reads neither encoding nor segments). */
export function didwwMessage(attemptId: string, to: string, text: string): OutgoingMessage {
  return { attemptId, to, text, encoding: "GSM7", segments: 1 };
}

/** The engine's webhook URLs; DIDWW's callback URL is a trunk setting, so none is sent. */
export const REPORT_URLS: ReportUrls = {
  deliveryReport: "http://127.0.0.1:9/api/webhooks/token/delivery-report",
  batchCallback: "http://127.0.0.1:9/api/webhooks/token/batch-callback",
  batchErrback: "http://127.0.0.1:9/api/webhooks/token/batch-errback",
  inbound: "http://127.0.0.1:9/api/webhooks/token/inbound",
};

/** Our webhook routes in miniature: hands each request to the adapter's parsers and keeps what they found. */
export interface WebhookReceiver {
  url: string;
  reports: ReportEvent[];
  inbound: InboundMessage[];
  server: FakeServer;
  close(): Promise<void>;
}

/** Starts a receiver: `/reports` goes to `parseReport`, `/inbound` to `parseInbound`. */
export async function startWebhookReceiver(adapter: ProviderAdapter): Promise<WebhookReceiver> {
  const reports: ReportEvent[] = [];
  const inbound: InboundMessage[] = [];
  const server = await startFakeServer((request) => {
    const raw: RawRequest = {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
      query: Object.fromEntries(request.query),
      body: request.body,
    };
    if (request.path === "/reports") {
      const parsed = adapter.parseReport!("delivery-report", raw);
      reports.push(...parsed.items);
      return parsed.reply;
    }
    const parsed = adapter.parseInbound!(raw);
    inbound.push(...parsed.items);
    return parsed.reply;
  });
  return { url: server.url, reports, inbound, server, close: () => server.close() };
}
