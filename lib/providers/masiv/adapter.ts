/**
 * The Masiv adapter: one GET per message (the gateway has no batch call), delivery status by polling.
 */
import type { Capabilities, ConnectionCheck, ProviderAdapter, SendOutcome, SendRequest } from "../types";
import { httpRequest } from "../shared/http";
import { mapWithConcurrency } from "../shared/concurrency";
import { preview } from "../shared/xml-reply";
import { describeMasivError } from "./codes";
import { pollMasivReports } from "./poll-reports";
import { parseMessageReply } from "./replies";
import { masivSendPrefix, sendMasivMessage } from "./send-message";
import { masivEndpoints, type MasivSettings } from "./settings";

/** What every Masiv account can do; `maxSegments` narrows per account (see `masivCapabilities`). */
export const MASIV_CAPABILITIES: Capabilities = {
  maxBatchSize: 1,
  nativeSchedule: true,
  unicode: true,
  reports: { webhook: false, poll: true },
  inbound: { webhook: false, poll: false },
};

/**
 * An account without long messages sends one 160-character block. With them the gateway splits into blocks
 * of 160 characters and documents no upper bound.
 */
export function masivCapabilities(settings: MasivSettings): Capabilities {
  return settings.options.longMessages ? MASIV_CAPABILITIES : { ...MASIV_CAPABILITIES, maxSegments: 1 };
}

/** Builds the adapter for one account's settings. */
export function createMasivAdapter(settings: MasivSettings): ProviderAdapter {
  const sendPrefix = masivSendPrefix(settings);
  return {
    vendor: "masiv",
    capabilities: masivCapabilities(settings),

    /**
     * Several messages (the engine sends one per call, as `maxBatchSize` is 1, but callers may pass more)
     * go out concurrently, at most `options.concurrency` at once: they are independent requests and outcomes
     * are matched by `attemptId`, so order buys nothing while one-by-one would multiply the latency.
     */
    async send(request: SendRequest): Promise<SendOutcome[]> {
      const context = { settings, sendPrefix, sender: request.sender, scheduleAt: request.scheduleAt, signal: request.signal };
      return mapWithConcurrency(request.messages, settings.options.concurrency, (message) => sendMasivMessage(context, message));
    },

    pollReports: (ids, signal) => pollMasivReports(settings, ids, signal),

    /** Asks getMessage about message 0: "Invalid ID" proves the credentials without sending anything. */
    async testConnection(signal?: AbortSignal): Promise<ConnectionCheck> {
      const { report } = masivEndpoints(settings);
      const url =
        `${report}?action=getMessage&username=${encodeURIComponent(settings.credentials.username)}` +
        `&password=${encodeURIComponent(settings.credentials.password)}&messageId=0`;
      const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
      if (response.kind !== "response") return { ok: false, message: `Masiv could not be reached: ${response.reason}` };
      if (response.status !== 200) return { ok: false, message: `Masiv answered HTTP ${response.status}: ${preview(response.body)}` };
      const reply = parseMessageReply(response.body);
      if (reply.kind === "malformed") return { ok: false, message: `Masiv's reply could not be read: ${reply.reason}` };
      // 2000 "Invalid ID" is the expected answer: the gateway checked the credentials, then the id.
      if (reply.kind === "error" && reply.code !== "2000") {
        const error = describeMasivError(reply.code, reply.message);
        return { ok: false, message: `Masiv refused the check: ${reply.code} ${reply.message || error.message}` };
      }
      return {
        ok: true,
        message: "Masiv accepted the username and password (checked with a status query). Sending itself and long-message support were not tested.",
      };
    },
  };
}
