/**
 * DIDWW's number formats: E.164 digits without `+` both ways ("Country Code + Area Code + Subscriber's
 * Number, e.g. 123456789"), and a `source` that is one of the trunk's DIDs. The outbound rules are the
 * app's own (lib/sms), so the composer and the adapter never disagree.
 */
import { validateSenderId } from "../../sms/sender-id";
import { InvalidE164Error, toVendorNumber } from "../../sms/vendor-number";

/** DIDWW's digits for an E.164 number, or undefined when it is not one. */
export function toDidwwNumber(e164: string): string | undefined {
  try {
    return toVendorNumber("didww", e164);
  } catch (error) {
    if (error instanceof InvalidE164Error) return undefined; // the caller rejects this message alone
    throw error;
  }
}

const DIGITS = /^\+?([1-9]\d{1,14})$/;

/** Our E.164 (`+` and digits) for a number DIDWW sends; anything else (an alphanumeric sender) unchanged. */
export function fromDidwwNumber(value: string): string {
  const digits = DIGITS.exec(value.replace(/[\s()-]/g, ""))?.[1];
  return digits ? `+${digits}` : value.trim();
}

/**
 * The `source` attribute for a sender, checked by DIDWW's sender rule. No sender: no `source` (with a
 * `campaign_id`, DIDWW then picks one of the campaign's sender IDs).
 */
export function toDidwwSource(sender: string | undefined): { source?: string } | { error: string } {
  if (sender === undefined || sender === "") return {};
  const check = validateSenderId("didww", sender);
  return check.ok ? { source: sender } : { error: check.message };
}
