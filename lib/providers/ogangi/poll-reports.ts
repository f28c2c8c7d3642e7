/**
 * Outbound status by polling `tools/getMessage` (Messangi's public wiki; not in our document, so only when
 * the account enables `statusPolling`). A failure status here is `failed`, not `rejected`: the gateway had
 * accepted the message.
 */
import type { ReportEvent } from "../types";
import { httpRequest } from "../shared/http";
import { pollEachId, ReportPollError } from "../shared/poll-each";
import { preview } from "../shared/xml-reply";
import { lookupMessageStatus } from "./codes";
import { firstMessage, parseOgangiDate, parseOgangiReply } from "./replies";
import type { OgangiSettings } from "./settings";
import { ogangiSigner, pathSegment, type OgangiSigner } from "./signing";

/**
 * One event per distinct id: `status` for a known status with a state, `raw` for a status still on its way,
 * an unknown status, or an `ERROR` about that id. Whole-poll failures reject with `ReportPollError`.
 */
export function pollOgangiReports(settings: OgangiSettings, providerMessageIds: string[], signal?: AbortSignal): Promise<ReportEvent[]> {
  const signer = ogangiSigner(settings);
  return pollEachId(providerMessageIds, settings.options.concurrency, signal, (id, idSignal) => pollOne(settings, signer, id, idSignal));
}

async function pollOne(settings: OgangiSettings, signer: OgangiSigner, id: string, signal: AbortSignal): Promise<ReportEvent | ReportPollError> {
  const url = signer.url("tools/getMessage", [pathSegment(id)]);
  const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
  if (response.kind !== "response") return new ReportPollError(`getMessage ${id}: ${response.reason}`);
  if (response.status !== 200) return new ReportPollError(`getMessage ${id}: HTTP ${response.status}: ${preview(response.body)}`);
  const reply = parseOgangiReply(response.body);
  if (reply.kind === "malformed") return new ReportPollError(`getMessage ${id}: unreadable reply: ${reply.reason}`);
  if (reply.status === "ERROR") return { kind: "raw", providerMessageId: id, rawStatus: `ERROR: ${reply.description}`, errorCode: "ERROR" };
  if (reply.status !== "OK") return new ReportPollError(`getMessage refused: ${reply.status} ${reply.description}`);
  const message = firstMessage(reply.result);
  if (!message?.status) return new ReportPollError(`getMessage ${id}: OK without a message status`);
  if (message.id !== undefined && message.id !== id) return new ReportPollError(`getMessage ${id}: the gateway answered for message ${message.id}`);
  const known = lookupMessageStatus(message.status);
  if (!known?.state) return { kind: "raw", providerMessageId: id, rawStatus: message.status };
  const isFailure = known.state === "failed" || known.state === "undelivered" || known.state === "expired";
  return {
    kind: "status",
    providerMessageId: id,
    state: known.state,
    rawStatus: message.status,
    ...(isFailure ? { errorCode: message.status, errorText: message.statusDescription ?? known.meaning } : {}),
    ...(known.optOut ? { optOut: true } : {}),
    // the documented pattern carries its offset; UTC only matters for a date written without one
    occurredAt: message.date ? parseOgangiDate(message.date, "UTC") : undefined,
  };
}
