import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { getCountries, getCountryCallingCode } from "libphonenumber-js/min";
import { seededRandom } from "@/lib/testing/seeded-random";
import { describe, expect, it } from "vitest";
import { fastE164, fastFormatted, normalizePhone } from "./normalize-phone";

describe("normalizePhone", () => {
  it.each([
    ["+14155552671", null, "+14155552671", "US"],
    ["+1 (415) 555-2671", null, "+14155552671", "US"],
    ["(415) 555-2671", "US", "+14155552671", "US"],
    ["415.555.2671", "us", "+14155552671", "US"],
    ["+44 20 7946 0958", null, "+442079460958", "GB"],
    ["020 7946 0958", "GB", "+442079460958", "GB"],
    ["06 12 34 56 78", "FR", "+33612345678", "FR"],
    ["+33 6-12-34-56-78", "DE", "+33612345678", "FR"],
    ["0033 6 12 34 56 78", null, "+33612345678", "FR"],
    ["00 33 612345678", "FR", "+33612345678", "FR"],
    ["'+33612345678", null, "+33612345678", "FR"],
    ["  +4915123456789 ", null, "+4915123456789", "DE"],
    ["+16135550123", null, "+16135550123", "CA"],
    ["+12682345678", null, "+12682345678", "AG"],
  ])("normalises %j (default %s) to %s", (input, country, e164, region) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164, country: region });
  });

  it.each([
    ["", "FR", "empty"],
    ["   ", null, "empty"],
    ["call me", "FR", "not_a_number"],
    ["+1 415 555 2671 ext. 12", null, "not_a_number"],
    ["#$%", "FR", "not_a_number"],
    ["0612345678", null, "no_country"],
    ["0612345678", "", "no_country"],
    ["+999 1234 5678", null, "invalid_country_code"],
    ["1", "FR", "too_short"],
    ["+33 6 12 34 56 78 90 12 34 56 78", null, "too_long"],
    ["+33 1234", null, "too_short"],
    ["+1 111 555 2671", null, "impossible"],
    ["+33 012345678", null, "impossible"],
    ["06 12 34 56", "FR", "too_short"],
  ])("rejects %j (default %s) as %s", (input, country, reason) => {
    const result = normalizePhone(input, country);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(5);
    }
  });

  it("treats an unknown default country like none", () => {
    expect(normalizePhone("0612345678", "XX")).toMatchObject({ ok: false, reason: "no_country" });
  });
});


describe("fastE164 agrees with libphonenumber-js", () => {
  const callingCodes = [...new Set(getCountries().map((c) => getCountryCallingCode(c)))];
  const next = seededRandom(20261122);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join("");

  it("accepts nothing the library rejects, and gives the library's number and country", () => {
    let accepted = 0;
    let checked = 0;
    for (let i = 0; i < 150_000; i++) {
      // Mostly real calling codes with national numbers of every plausible length, plus pure noise.
      const input = i % 10 === 0 ? `+${1 + Math.floor(next() * 9)}${digits(6 + Math.floor(next() * 9))}` : `+${callingCodes[Math.floor(next() * callingCodes.length)]}${digits(4 + Math.floor(next() * 10))}`;
      const fast = fastE164(input);
      if (!fast) continue;
      checked++;
      const phone = parsePhoneNumberFromString(input);
      expect(phone?.isValid(), input).toBe(true);
      expect(phone?.number, input).toBe(fast.e164);
      if (phone?.country) expect(fast.country, input).toBe(phone.country);
      accepted++;
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(accepted).toBe(checked);
  }, 60_000);

  it("is conclusive for ordinary numbers of busy calling codes", () => {
    for (const n of ["+14155552671", "+447911123456", "+33612345678", "+4915123456789", "+5511987654321", "+919876543210", "+61412345678", "+79161234567"]) {
      expect(fastE164(n), n).toBeDefined();
    }
  });

  it("agrees with normalizePhone's slow path on numbers the library accepts", () => {
    const next2 = seededRandom(7);
    for (let i = 0; i < 30_000; i++) {
      const input = `+${callingCodes[Math.floor(next2() * callingCodes.length)]}${Array.from({ length: 5 + Math.floor(next2() * 8) }, () => Math.floor(next2() * 10)).join("")}`;
      const phone = parsePhoneNumberFromString(input);
      const fast = fastE164(input);
      if (phone?.isValid() && phone.number === input && fast) expect(fast.country).toBe(phone.country ?? fast.country);
    }
  }, 60_000);
});

describe("fastFormatted agrees with libphonenumber-js", () => {
  const countries = getCountries();
  const callingCodes = [...new Set(countries.map((c) => getCountryCallingCode(c)))];
  const next = seededRandom(4242);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join("");
  const SEPARATORS = [" ", "-", ".", " - ", "/", ""];
  /** Splits digits into groups with random separators, sometimes bracketing the first group. */
  const format = (plain: string) => {
    let out = "";
    let i = 0;
    let first = true;
    while (i < plain.length) {
      const size = 1 + Math.floor(next() * 4);
      const group = plain.slice(i, i + size);
      out += first && next() < 0.2 ? `(${group}) ` : group + (i + size < plain.length ? SEPARATORS[Math.floor(next() * SEPARATORS.length)] : "");
      first = false;
      i += size;
    }
    return out;
  };

  it("accepts nothing the library rejects, and gives the library's number and country", () => {
    let checked = 0;
    for (let i = 0; i < 150_000; i++) {
      const country = i % 3 === 0 ? "US" : countries[Math.floor(next() * countries.length)];
      const international = next() < 0.4;
      const body = international ? `${callingCodes[Math.floor(next() * callingCodes.length)]}${digits(4 + Math.floor(next() * 10))}` : digits(5 + Math.floor(next() * 9));
      const input = international ? `+${format(body)}` : format(body);
      const fast = fastFormatted(input, country);
      if (!fast) continue;
      checked++;
      const phone = parsePhoneNumberFromString(input, country);
      expect(phone?.isValid(), `${input} (${country})`).toBe(true);
      expect(phone?.number, `${input} (${country})`).toBe(fast.e164);
      if (phone?.country) expect(fast.country, `${input} (${country})`).toBe(phone.country);
    }
    expect(checked).toBeGreaterThan(5_000);
  }, 60_000);

  it("is conclusive for ordinary formatted numbers", () => {
    for (const [input, country] of [["(212) 555-0123", "US"], ["212.555.0123", "US"], ["+44 7911 123456", "US"], ["+33 6-12-34-56-78", "DE"], ["416 555 0123", "US"], ["98765 43210", "IN"]]) {
      expect(fastFormatted(input, country), input).toBeDefined();
    }
  });
});
