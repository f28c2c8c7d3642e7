/**
 * OGANGI's `fireMessage`: makes the Campaign Manager receive an MO as if `from` had texted it. The vendor
 * offers it for replies that arrive through a third-party interface; we use it to check inbound end to end
 * (against the fake in tests, or against a real workspace from an admin tool).
 */
import { httpRequest } from "../shared/http";
import { preview } from "../shared/xml-reply";
import { InvalidE164Error, toVendorNumber } from "../../sms/vendor-number";
import { parseOgangiReply } from "./replies";
import type { OgangiSettings } from "./settings";
import { base64UrlPadded, ogangiSigner } from "./signing";

/** Injects an inbound `text` from the E.164 number `from`; never rejects. */
export async function fireMessage(
  settings: OgangiSettings,
  from: string,
  text: string,
  signal?: AbortSignal,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let mobileNumber: string;
  try {
    mobileNumber = toVendorNumber("ogangi", from);
  } catch (error) {
    if (error instanceof InvalidE164Error) return { ok: false, reason: error.message };
    throw error;
  }
  const url = ogangiSigner(settings).url("fireMessage", [mobileNumber, base64UrlPadded(text)]);
  const response = await httpRequest({ method: "GET", url, timeoutMs: settings.timeoutMs, signal });
  if (response.kind !== "response") return { ok: false, reason: `OGANGI could not be reached: ${response.reason}` };
  if (response.status !== 200) return { ok: false, reason: `OGANGI answered HTTP ${response.status}: ${preview(response.body)}` };
  const reply = parseOgangiReply(response.body);
  if (reply.kind === "malformed") return { ok: false, reason: `unreadable OGANGI reply: ${reply.reason}` };
  return reply.status === "OK" ? { ok: true } : { ok: false, reason: `${reply.status}: ${reply.description}` };
}
