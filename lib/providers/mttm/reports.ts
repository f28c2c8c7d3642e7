/**
 * Everything MTTM (Jasmin) calls us back with, as events. Pure: the engine stores, deduplicates and matches.
 * - Batch callback / errback (GET): `batchId`, `to`, `status` 1|0, `statusText` (`Success "<id>"` or an
 *   error text). The only place a batched message's id appears. Fire-and-forget on Jasmin's side.
 * - Delivery report (GET or form POST to `dlr-url`): `id`, `message_status`, `level`, … Level 1 carries the
 *   SMSC's `ESME_*` answer, level 2 the handset receipt (`DELIVRD`, …, with `err` and `donedate`).
 *   Jasmin retries a report (3 times, 30 s apart) unless the answer is exactly `ACK/Jasmin`.
 * The two are told apart by their fields, so one parser serves every webhook URL we hand out.
 */
import { fromWallClock } from "../shared/wall-clock";
import type { ParsedWebhook, RawRequest, ReportEvent, WebhookReply } from "../types";
import { ESME_OK, MTTM_RECEIPT_STATUSES } from "./codes";
import { JASMIN_ID, readSuccessText, shorten } from "./replies";
import { fromJasminNumber } from "./wire";

/** The exact acknowledgement Jasmin waits for; anything else makes it send the report again. */
export const JASMIN_ACK = "ACK/Jasmin";

const ACK: WebhookReply = { status: 200, body: JASMIN_ACK, contentType: "text/plain" };

/** Parses one callback or report; an unrecognisable request gets a 400 and no events. */
export function parseMttmReport(request: RawRequest, timeZone: string): ParsedWebhook<ReportEvent> {
  const fields = readFields(request);
  const event = fields.has("batchId") ? batchResult(fields) : fields.has("message_status") ? deliveryReport(fields, timeZone) : undefined;
  if (!event) return { items: [], reply: { status: 400, body: "not an MTTM delivery report or batch callback", contentType: "text/plain" } };
  return { items: [event], reply: ACK };
}

/** Query parameters, plus the body's when it is a form (Jasmin POSTs reports urlencoded). */
function readFields(request: RawRequest): Map<string, string> {
  const fields = new Map(Object.entries(request.query));
  const contentType = Object.entries(request.headers).find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  const isForm = contentType.toLowerCase().includes("application/x-www-form-urlencoded") || (contentType === "" && request.body.includes("="));
  if (request.body && isForm) for (const [key, value] of new URLSearchParams(request.body)) fields.set(key, value);
  return fields;
}

function batchResult(fields: Map<string, string>): ReportEvent | undefined {
  const batchId = fields.get("batchId") ?? "";
  const to = fields.get("to") ?? "";
  const status = fields.get("status");
  const statusText = fields.get("statusText") ?? "";
  if (!JASMIN_ID.test(batchId) || !/^\+?\d{1,20}$/.test(to.trim()) || (status !== "0" && status !== "1")) return undefined;
  const base = { kind: "batch-result" as const, batchId, to: fromJasminNumber(to) };
  // These refusals happen before Jasmin queues the message, so the recipient may be sent again.
  if (status === "0") {
    const retryable = /User throughput exceeded|Cannot send submit_sm/i.test(statusText);
    return { ...base, accepted: false, errorText: shorten(statusText, 500), ...(retryable ? { retryable } : {}) };
  }
  const providerMessageId = readSuccessText(statusText);
  // Accepted without a readable id: the message was queued, but its reports cannot be matched.
  return providerMessageId
    ? { ...base, accepted: true, providerMessageId }
    : { ...base, accepted: true, errorText: `message id not found in statusText: ${shorten(statusText)}` };
}

function deliveryReport(fields: Map<string, string>, timeZone: string): ReportEvent | undefined {
  const providerMessageId = fields.get("id") ?? "";
  const rawStatus = (fields.get("message_status") ?? "").trim();
  if (!JASMIN_ID.test(providerMessageId) || !/^[A-Za-z0-9_]{1,40}$/.test(rawStatus)) return undefined;
  // Level 1 (the SMSC's answer to submit_sm) is an SMPP command status; level 2 a receipt `stat`.
  if (rawStatus.startsWith("ESME_")) {
    return rawStatus === ESME_OK
      ? { kind: "status", providerMessageId, state: "sent", rawStatus }
      : { kind: "status", providerMessageId, state: "failed", rawStatus, errorCode: rawStatus };
  }
  const errorCode = receiptError(fields.get("err"));
  const state = MTTM_RECEIPT_STATUSES[rawStatus.toUpperCase()];
  const error = errorCode ? { errorCode } : {};
  if (!state) return { kind: "raw", providerMessageId, rawStatus, ...error };
  const occurredAt = readDoneDate(fields.get("donedate"), timeZone);
  return { kind: "status", providerMessageId, state, rawStatus, ...error, ...(occurredAt ? { occurredAt } : {}) };
}

/** The receipt's `err`, unless it says "no error" (`0`, `000`). */
function receiptError(err: string | undefined): string | undefined {
  const value = err?.trim();
  return value && !/^0+$/.test(value) ? shorten(value, 40) : undefined;
}

/** `donedate` is `YYMMDDhhmm` (some SMSCs add `ss`) in the gateway's local time. */
function readDoneDate(value: string | undefined, timeZone: string): Date | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value?.trim() ?? "");
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return fromWallClock({ year: 2000 + year, month, day, hour, minute, second }, timeZone);
}
