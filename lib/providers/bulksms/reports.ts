/**
 * Delivery reports the gateway pushes to the URL configured on the vendor account (DLR Push API): a POST
 * with `sSender`, `sMobileNo`, `sStatus`, `dtSubmit`, `dtDone`, `sMessageId`, `iCostPerSms`, `iCharge`,
 * `iMCCMNC`, `iErrCode`. The vendor's specification says the parameters are "appended to the URL", NOTES.md
 * says form fields: both are read (body over query). The gateway wants 200 or 202 back.
 */
import type { ParsedWebhook, RawRequest, ReportEvent } from "../types";
import { REPORT_NO_ERROR, REPORT_STATUSES } from "./codes";
import { parseGatewayTime } from "./schedule";

export interface ReportOptions {
  /** `iErrCode` values that opt the contact out when the message failed. */
  optOutCodes: ReadonlySet<string>;
  /** Zone of `dtSubmit`/`dtDone`, which carry none. */
  timeZone: string;
}

const OK = { status: 200, body: "OK", contentType: "text/plain; charset=utf-8" };

/**
 * One report → one event. A known status moves the message (`status`); `UNKNOWN` or an unlisted status is
 * stored as is (`raw`) without moving it. A request without `sMessageId` or `sStatus` is answered 400 and
 * yields nothing: there is nothing to match it to.
 */
export function parseDeliveryReport(request: RawRequest, options: ReportOptions): ParsedWebhook<ReportEvent> {
  const fields = reportFields(request);
  const providerMessageId = fields.get("smessageid");
  const rawStatus = fields.get("sstatus")?.toUpperCase();
  if (!providerMessageId || !rawStatus) {
    const missing = [providerMessageId ? undefined : "sMessageId", rawStatus ? undefined : "sStatus"].filter(Boolean).join(" and ");
    return { items: [], reply: { status: 400, body: `missing ${missing}`, contentType: OK.contentType } };
  }
  const rawErrorCode = fields.get("ierrcode");
  const errorCode = rawErrorCode && rawErrorCode !== REPORT_NO_ERROR ? rawErrorCode : undefined;
  const state = REPORT_STATUSES[rawStatus];
  if (!state) return { items: [{ kind: "raw", providerMessageId, rawStatus, ...(errorCode && { errorCode }) }], reply: OK };

  const event: ReportEvent = { kind: "status", providerMessageId, state, rawStatus };
  if (errorCode) event.errorCode = errorCode;
  const charge = Number(fields.get("icharge"));
  if (fields.get("icharge") && Number.isFinite(charge)) event.cost = { amount: charge };
  const occurredAt = parseGatewayTime(fields.get("dtdone"), options.timeZone);
  if (occurredAt) event.occurredAt = occurredAt;
  if (errorCode && options.optOutCodes.has(errorCode) && (state === "failed" || state === "undelivered")) event.optOut = true;
  return { items: [event], reply: OK };
}

/** Query and form-body fields, names lower-cased (gateways differ in case), trimmed, empty ones dropped. */
function reportFields(request: RawRequest): Map<string, string> {
  const fields = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (value.trim() !== "") fields.set(name.toLowerCase(), value.trim());
  };
  for (const [name, value] of Object.entries(request.query)) add(name, value);
  if (isForm(request)) for (const [name, value] of new URLSearchParams(request.body)) add(name, value);
  return fields;
}

/** A form body, or an unlabelled body that reads like one (some gateways send no content type). */
function isForm(request: RawRequest): boolean {
  const contentType = Object.entries(request.headers).find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  if (contentType) return contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
  return /^[^=&\s]+=/.test(request.body);
}
