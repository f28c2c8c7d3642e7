/**
 * Destination numbers as each gateway wants them written. The rest of the app stores and passes E.164
 * (`+31612345678`, see `OutgoingMessage.to`); only adapters reformat, through this one table.
 */
import type { Vendor } from "@/lib/providers/types";

/** `+` then a country code that does not start with 0, 7–15 digits in all (Niue and St Helena have 7). */
const E164 = /^\+[1-9]\d{6,14}$/;

/** What each vendor document asks for. */
const FORMATS: Record<Vendor, "e164" | "digits"> = {
  // our own gateway keeps the canonical form
  simulator: "e164",
  // mttm.md: `to` 31612345678 (Jasmin also accepts a leading +; the document never uses it)
  mttm: "digits",
  // didww.md: "E.164 format (Country Code + Area Code + Subscriber's Number)", examples without +
  didww: "digits",
  // bulksms-unified.md: "may or may not include a plus": without, so the URL needs no %2B
  bulksms: "digits",
  // ogangi.md: examples 58123456789 and 19893653744 (the adapter Base64-encodes it where required)
  ogangi: "digits",
  // masiv.md: "international number format without plus sign (e.g. 573101234567)"
  masiv: "digits",
};

/** Thrown when a number that should already be normalised is not E.164: a bug upstream, not a user error. */
export class InvalidE164Error extends Error {
  constructor(readonly value: string) {
    super(
      `"${value}" is not an E.164 number: expected + followed by the country code and number, ` +
        "7 to 15 digits with no spaces or punctuation (e.g. +31612345678).",
    );
    this.name = "InvalidE164Error";
  }
}

/** Writes an E.164 number the way `vendor` expects it; throws `InvalidE164Error` for anything else. */
export function toVendorNumber(vendor: Vendor, e164: string): string {
  if (!E164.test(e164)) throw new InvalidE164Error(e164);
  return FORMATS[vendor] === "digits" ? e164.slice(1) : e164;
}
