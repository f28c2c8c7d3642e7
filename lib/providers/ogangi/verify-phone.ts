/**
 * OGANGI's "Generate Mobile PIN" (`tools/sendSMSPinMobileNumberConfirm`): the gateway generates a PIN, texts
 * it to the number and returns it, so the app can compare it with what the person types. A separate
 * function rather than part of the adapter: it is not a campaign message and has no delivery lifecycle.
 */
import { httpRequest } from "../shared/http";
import { child, preview, text } from "../shared/xml-reply";
import { InvalidE164Error, toVendorNumber } from "../../sms/vendor-number";
import { parseOgangiReply } from "./replies";
import type { OgangiSettings } from "./settings";
import { base64UrlPadded, ogangiSigner, pathSegment } from "./signing";

export interface VerifyPhoneRequest {
  /** E.164 number to verify. */
  to: string;
  /** The SMS text. How the gateway places the PIN in it is not documented (README.md). */
  text: string;
  /** PIN length in characters. */
  length: number;
  /** Operator name, case-sensitive (the document requires one here); defaults to the account's carrier. */
  carrier?: string;
  /** Short or long code; defaults to the account's default sender. */
  from?: string;
  signal?: AbortSignal;
}

export type VerifyPhoneResult = { ok: true; pin: string } | { ok: false; reason: string };

/** Sends a PIN to `request.to` and returns it; never rejects (a failure is `ok: false` with the reason). */
export async function verifyPhoneNumber(settings: OgangiSettings, request: VerifyPhoneRequest): Promise<VerifyPhoneResult> {
  const from = request.from ?? settings.defaultSender;
  if (!from) return { ok: false, reason: "no sender: pass `from` or set the account's default sender" };
  if (!Number.isInteger(request.length) || request.length < 1 || request.length > 32) {
    return { ok: false, reason: `PIN length must be a whole number from 1 to 32, not ${request.length}` };
  }
  let to: string;
  try {
    to = toVendorNumber("ogangi", request.to);
  } catch (error) {
    if (error instanceof InvalidE164Error) return { ok: false, reason: error.message };
    throw error;
  }
  const url = ogangiSigner(settings).url("tools/sendSMSPinMobileNumberConfirm", [
    pathSegment(request.carrier ?? settings.options.carrier),
    pathSegment(from),
    to,
    base64UrlPadded(request.text),
    String(request.length),
  ]);
  const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal: request.signal });
  if (response.kind !== "response") return { ok: false, reason: `OGANGI could not be reached: ${response.reason}` };
  if (response.status !== 200) return { ok: false, reason: `OGANGI answered HTTP ${response.status}: ${preview(response.body)}` };
  const reply = parseOgangiReply(response.body);
  if (reply.kind === "malformed") return { ok: false, reason: `unreadable OGANGI reply: ${reply.reason}` };
  if (reply.status !== "OK") return { ok: false, reason: `${reply.status}: ${reply.description}` };
  const pin = text(child(reply.result, "PinSMSConfirmation"), "pin");
  if (!pin) return { ok: false, reason: "OGANGI answered OK without a PIN" };
  return { ok: true, pin };
}
