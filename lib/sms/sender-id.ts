/**
 * Sender ID (originator, `from`, `source`) rules per gateway, checked when a marketer types one, so that a
 * campaign is not refused or silently rewritten at the gateway (bulksms 1707, DIDWW callback code 8) after
 * it started. The rules come from the vendor documents and NOTES.md; where a document says nothing, the
 * limits of the GSM network apply (a name shows at most 11 characters, a phone number has at most 15 digits).
 */
import type { Vendor } from "@/lib/providers/types";

/** The verdict on a sender ID; `message` is shown to the marketer as is. */
export type SenderIdCheck = { ok: true } | { ok: false; message: string };

/** What one gateway accepts; returns the problem in words a marketer understands, or nothing. */
type Rule = (sender: string) => string | undefined;

/** Letters, digits, spaces and `+ - _ &`: what carriers accept in a sender name almost everywhere. */
const NAME_CHARS = /^[A-Za-z0-9 +\-_&]+$/;
const LETTER = /[A-Za-z]/;
const PHONE_NUMBER = /^\+?\d+$/;
const DIGITS_ONLY = /^\d{1,15}$/;
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

/**
 * Wraps a gateway's own rule in the checks every gateway shares: present when required (`required` says
 * what to enter), no stray spaces, no invisible characters. The empty string means "none".
 */
function withBasics(gateway: string, required: string | undefined, rule: Rule): Rule {
  return (sender) => {
    if (sender === "") return required ? `${gateway} needs a sender ID: ${required}.` : undefined;
    if (sender.trim() !== sender) return "Remove the spaces at the start or end of the sender ID.";
    if (CONTROL_CHAR.test(sender)) return "The sender ID contains an invisible character (a tab or a line break?).";
    return rule(sender);
  };
}

/** A sender name (at least one letter) or a phone number / short code, each with its own length limit. */
function nameOrNumber(gateway: string, maxName: number, maxDigits: number, required: boolean): Rule {
  const either = `a name of up to ${maxName} letters and digits, or a phone number of up to ${maxDigits} digits`;
  return withBasics(gateway, required ? either : undefined, (sender) => {
    if (PHONE_NUMBER.test(sender)) {
      const digits = sender.replace("+", "").length;
      return digits > maxDigits
        ? `A numeric sender ID can have at most ${maxDigits} digits with ${gateway}; this one has ${digits}.`
        : undefined;
    }
    if (!NAME_CHARS.test(sender)) {
      return "A sender name can only use the letters A–Z, digits, spaces and + - _ & (no accents or other symbols).";
    }
    if (!LETTER.test(sender)) return `Use either digits only (a phone number) or ${either}.`;
    return sender.length > maxName
      ? `A sender name can have at most ${maxName} characters with ${gateway}; “${sender}” has ${sender.length}.`
      : undefined;
  });
}

const RULES: Record<Vendor, Rule> = {
  // bulksms-unified.md: "Max Length of 18 if numeric. Max Length of 11 if alphanumeric."
  bulksms: nameOrNumber("bulksms", 11, 18, true),
  // masiv.md: originator optional, "a telephone number, a short code or an alphanumeric sender address",
  // at most 16 characters
  masiv: nameOrNumber("Masiv", 16, 16, false),
  // mttm.md / Jasmin: `from` optional free text; networks cut names after 11 characters (inferred)
  mttm: nameOrNumber("MTTM", 11, 15, false),
  // didww.md: `source` optional, "your DID number" in E.164 without + (only the trunk's numbers are accepted)
  didww: withBasics("DIDWW", undefined, (sender) => {
    if (sender.startsWith("+") && DIGITS_ONLY.test(sender.slice(1))) {
      return `Write the DIDWW number without the +: ${sender.slice(1)}.`;
    }
    return DIGITS_ONLY.test(sender)
      ? undefined
      : "DIDWW sends from one of your DIDWW phone numbers: write it in international format, digits only (e.g. 37041123456).";
  }),
  // ogangi.md: the short or long code OGANGI assigned, sent as a segment of the URL path
  ogangi: withBasics("OGANGI", "the short or long code OGANGI assigned to you", (sender) =>
    sender.includes("/") ? "The sender ID cannot contain “/”." : undefined,
  ),
  // our own gateway: anything goes, so that demos never trip on it
  simulator: () => undefined,
};

/** Checks `sender` against `vendor`'s rules. The empty string means "none": fine where the gateway has a default. */
export function validateSenderId(vendor: Vendor, sender: string): SenderIdCheck {
  const message = RULES[vendor](sender);
  return message === undefined ? { ok: true } : { ok: false, message };
}
