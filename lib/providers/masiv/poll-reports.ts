/**
 * Delivery status by polling: Masiv pushes nothing, so `getMessage` is asked once per message id.
 */
import type { ReportEvent } from "../types";
import { httpRequest } from "../shared/http";
import { pollEachId, ReportPollError } from "../shared/poll-each";
import { preview } from "../shared/xml-reply";
import { describeMasivError, MASIV_STATUSES } from "./codes";
import { parseMessageReply } from "./replies";
import { masivEndpoints, type MasivSettings } from "./settings";

/**
 * One event per distinct id the gateway answered for: a `status` event for statuses 1–6, a `raw` event for 0
 * (still queued) and for an id-specific error (2000 "Invalid ID", 8734), so the engine records what the
 * gateway said. A failure that concerns the whole poll (a timeout, bad credentials, HTML) rejects with
 * `ReportPollError`.
 */
export function pollMasivReports(settings: MasivSettings, providerMessageIds: string[], signal?: AbortSignal): Promise<ReportEvent[]> {
  return pollEachId(providerMessageIds, settings.options.concurrency, signal, (id, idSignal) => pollOne(settings, id, idSignal));
}

async function pollOne(settings: MasivSettings, id: string, signal: AbortSignal): Promise<ReportEvent | ReportPollError> {
  const { report } = masivEndpoints(settings);
  const url =
    `${report}?action=getMessage&username=${encodeURIComponent(settings.credentials.username)}` +
    `&password=${encodeURIComponent(settings.credentials.password)}&messageId=${encodeURIComponent(id)}`;
  const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
  if (response.kind !== "response") return new ReportPollError(`getMessage ${id}: ${response.reason}`);
  if (response.status !== 200) return new ReportPollError(`getMessage ${id}: HTTP ${response.status}: ${preview(response.body)}`);
  const reply = parseMessageReply(response.body);
  if (reply.kind === "malformed") return new ReportPollError(`getMessage ${id}: unreadable reply: ${reply.reason}`);
  if (reply.kind === "error") {
    const error = describeMasivError(reply.code, reply.message);
    if (error.accountProblem || reply.code === "1164") {
      return new ReportPollError(`getMessage refused: ${reply.code} ${reply.message || error.message}`);
    }
    return { kind: "raw", providerMessageId: id, rawStatus: `error ${reply.code}: ${reply.message || error.message}`, errorCode: reply.code };
  }
  if (reply.messageId !== id) {
    return new ReportPollError(`getMessage ${id}: the gateway answered for message ${reply.messageId}`);
  }
  const status = MASIV_STATUSES[reply.status];
  const rawStatus = status ? `${reply.status} ${status.meaning}` : reply.status;
  if (!status?.state) return { kind: "raw", providerMessageId: id, rawStatus };
  return {
    kind: "status",
    providerMessageId: id,
    state: status.state,
    rawStatus,
    ...(status.state === "undelivered" || status.state === "failed" ? { errorCode: reply.status, errorText: status.meaning } : {}),
    occurredAt: reply.date,
  };
}
