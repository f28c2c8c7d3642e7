/**
 * The DIDWW adapter: JSON:API sending (single and bulk), the trunk's status callbacks and receipts, and
 * inbound pushes from an SMS to HTTP IN trunk. Built fresh from an account's settings for every use.
 */
import { basicAuth, httpRequest } from "../shared/http";
import type { Capabilities, ConnectionCheck, ProviderAdapter } from "../types";
import { parseInboundPush } from "./inbound";
import { parseCallback } from "./reports";
import { sendToDidww } from "./send";
import { MAX_BULK_DESTINATIONS, type DidwwSettings } from "./settings";
import { JSON_API, SINGLE_PATH, readErrors, snippet } from "./wire";

/** What DIDWW offers: bulk up to 1000, UTF-8 text of any script, callbacks and inbound pushes, no schedule. */
export const didwwCapabilities: Capabilities = {
  maxBatchSize: MAX_BULK_DESTINATIONS,
  nativeSchedule: false,
  unicode: true,
  reports: { webhook: true, poll: false },
  inbound: { webhook: true, poll: false },
};

/** Builds the adapter for one account. */
export function createDidwwAdapter(settings: DidwwSettings): ProviderAdapter {
  return {
    vendor: "didww",
    capabilities: didwwCapabilities,
    send: (request) => sendToDidww(settings, request),
    // One report kind: the trunk has a single Callback URL for status callbacks and dlr_events alike.
    parseReport: (_kind, request) => parseCallback(request),
    parseInbound: (request) =>
      parseInboundPush(request, { fields: settings.options.inboundFields, body: settings.options.inboundBody }, new Date()),
    testConnection: (signal) => checkConnection(settings, signal),
  };
}

/**
 * DIDWW's outbound API has no read-only call, and a POST would send a message. So this makes an
 * authenticated GET on the messages endpoint, which nothing can be sent by: it proves the base URL
 * answers, and a 401/403 proves the credentials or this server's IP are refused. Anything else leaves
 * the credentials unproven until the first message, and the message says so.
 */
async function checkConnection(settings: DidwwSettings, signal?: AbortSignal): Promise<ConnectionCheck> {
  const url = settings.baseUrl.replace(/\/+$/, "") + SINGLE_PATH;
  const result = await httpRequest({
    method: "GET",
    url,
    headers: { authorization: basicAuth(settings.credentials.username, settings.credentials.password), accept: JSON_API },
    timeoutMs: settings.timeoutMs,
    signal,
  });
  if (result.kind !== "response") return { ok: false, message: `DIDWW could not be reached at ${url}: ${result.reason}` };
  const errors = readErrors(result.body);
  const said = errors ? errors.map((e) => [e.title, e.detail].filter(Boolean).join(": ")).join("; ") : snippet(result.body);
  if (result.status === 401 || result.status === 403) {
    return {
      ok: false,
      message: `DIDWW refused the trunk credentials or this server's IP address (HTTP ${result.status}: ${said}). Check the Outbound SMS trunk's username, password and IP whitelist.`,
    };
  }
  if (result.status >= 500) return { ok: false, message: `DIDWW answered HTTP ${result.status} at ${url}: ${said}` };
  return {
    ok: true,
    message:
      `DIDWW answered at ${url} (HTTP ${result.status}) without refusing the credentials. ` +
      "DIDWW has no read-only call, so the username and password are only proven by the first message sent. " +
      "Also check, in the DIDWW portal, that the trunk's Callback URL is this account's delivery-report webhook URL.",
  };
}
