/**
 * The OGANGI (Messangi) adapter: one signed GET per message (no batch, no scheduling), inbound replies by
 * polling getMOMessages, outbound status by polling getMessage where the account enables it.
 */
import type { Capabilities, ConnectionCheck, ProviderAdapter, SendOutcome, SendRequest } from "../types";
import { httpRequest } from "../shared/http";
import { mapWithConcurrency } from "../shared/concurrency";
import { preview } from "../shared/xml-reply";
import { inboundParameters, pollOgangiInbound } from "./poll-inbound";
import { pollOgangiReports } from "./poll-reports";
import { parseOgangiReply } from "./replies";
import { sendOgangiMessage } from "./send-message";
import type { OgangiSettings } from "./settings";
import { ogangiSigner } from "./signing";

/** What every OGANGI account can do; status polling depends on the account (see `ogangiCapabilities`). */
export const OGANGI_CAPABILITIES: Capabilities = {
  maxBatchSize: 1,
  nativeSchedule: false,
  unicode: true,
  reports: { webhook: false, poll: false },
  inbound: { webhook: false, poll: true },
};

/** Status polling needs the option and a send method that returns message ids (sendSMS). */
export function ogangiCapabilities(settings: OgangiSettings): Capabilities {
  const poll = settings.options.statusPolling && settings.options.sendMethod === "sendSMS";
  return { ...OGANGI_CAPABILITIES, reports: { webhook: false, poll } };
}

/** Builds the adapter for one account's settings. */
export function createOgangiAdapter(settings: OgangiSettings): ProviderAdapter {
  const capabilities = ogangiCapabilities(settings);
  const signer = ogangiSigner(settings);
  return {
    vendor: "ogangi",
    capabilities,

    /**
     * Several messages go out concurrently, at most `options.concurrency` at once (independent requests,
     * outcomes matched by `attemptId`). OGANGI cannot hold messages, so a scheduled send is refused rather
     * than delivered early. Not an `async` function, and one message (the engine's usual call, OGANGI taking
     * one per request) skips mapWithConcurrency: each async layer costs a promise and microtask turns per
     * message, and this gateway's throughput is bounded by per-message CPU.
     */
    send(request: SendRequest): Promise<SendOutcome[]> {
      if (request.scheduleAt) {
        return Promise.resolve(
          request.messages.map((message) => ({
            kind: "rejected",
            attemptId: message.attemptId,
            code: "schedule-unsupported",
            reason: "OGANGI cannot schedule messages; schedule the campaign in the app instead",
          })),
        );
      }
      if (request.messages.length === 1) {
        return sendOgangiMessage(settings, signer, request.messages[0], request.sender, request.signal).then(inList);
      }
      return mapWithConcurrency(request.messages, settings.options.concurrency, (message) =>
        sendOgangiMessage(settings, signer, message, request.sender, request.signal),
      );
    },

    pollReports: capabilities.reports.poll ? (ids, signal) => pollOgangiReports(settings, ids, signal) : undefined,

    pollInbound: (cursor, signal) => pollOgangiInbound(settings, cursor, signal),

    /** Lists one inbound message: a signed read that proves the instance id and both keys. */
    async testConnection(signal?: AbortSignal): Promise<ConnectionCheck> {
      const url = signer.url("tools/getMOMessages", [String(settings.options.inboundFirstPage), "1", inboundParameters(settings)]);
      const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
      if (response.kind !== "response") return { ok: false, message: `OGANGI could not be reached: ${response.reason}` };
      if (response.status !== 200) return { ok: false, message: `OGANGI answered HTTP ${response.status}: ${preview(response.body)}` };
      const reply = parseOgangiReply(response.body);
      if (reply.kind === "malformed") return { ok: false, message: `OGANGI's reply could not be read: ${reply.reason}` };
      if (reply.status === "BAD_SIGNATURE") return { ok: false, message: "OGANGI refused the signature: check the instance id and the public and private keys" };
      if (reply.status !== "OK") return { ok: false, message: `OGANGI answered ${reply.status}: ${reply.description}` };
      return {
        ok: true,
        message: "OGANGI accepted the instance id and keys (checked by listing inbound messages). The sender code and carrier were not tested.",
      };
    },
  };
}

function inList(outcome: SendOutcome): SendOutcome[] {
  return [outcome];
}
