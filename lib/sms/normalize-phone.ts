/**
 * Phone numbers to E.164 (`+` and digits), or a reason why not. Pure: runs in the browser (import preview)
 * and on the server (import, API, single sends).
 *
 * libphonenumber-js (min metadata: validation by each country's national number pattern and lengths) is the
 * judge. It manages ~45k numbers/s on one core, mostly because it compiles its regular expressions again on
 * every call; so input that is already E.164 goes through `fastE164`, which replays the library's own steps
 * for that input shape with regular expressions compiled once. The fast path only ever *accepts*: whenever
 * a step would branch somewhere it does not model (a national prefix to strip, a non-geographic calling
 * code, metadata with number types) or the number does not match, it returns undefined and the library
 * decides. normalize-phone.test.ts checks on a large random corpus that both paths agree.
 */
import {
  Metadata,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
} from "libphonenumber-js/core";
import metadataJson from "libphonenumber-js/min/metadata";

const metadata = metadataJson as unknown as MetadataJson;

export type PhoneRejection = "empty" | "not_a_number" | "no_country" | "invalid_country_code" | "too_short" | "too_long" | "impossible";

export type NormalizedPhone =
  | { ok: true; e164: string; /** ISO 3166-1 alpha-2, or null for non-geographic numbers. */ country: string | null }
  | { ok: false; reason: PhoneRejection; message: string };

const MESSAGES: Record<PhoneRejection, string> = {
  empty: "No phone number",
  not_a_number: "Not a phone number",
  no_country: "No country code (+…) and no default country",
  invalid_country_code: "Unknown country code",
  too_short: "Too short to be a phone number",
  too_long: "Too long to be a phone number",
  impossible: "Not a possible number",
};

function reject(reason: PhoneRejection, detail?: string): NormalizedPhone {
  return { ok: false, reason, message: detail ? `${MESSAGES[reason]} ${detail}` : MESSAGES[reason] };
}

/** The metadata helper class is typed loosely by the library; these are the members we read. */
interface NumberType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlan {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): NumberType | undefined;
}
interface MetadataApi {
  hasCallingCode(code: string): boolean;
  isNonGeographicCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  selectNumberingPlan(countryOrCode: string): void;
  numberingPlan: NumberingPlan;
  hasCountry(country: string): boolean;
}

/** The number types the library tries (helpers/getNumberType.js); any match makes a number "typed". */
const NUMBER_TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

interface RegionRule {
  country: string;
  leadingDigits?: RegExp;
  /** The library's getNumberType(...) !== undefined (always false for a plan without types). */
  hasType(national: string): boolean;
  /** The library's isValidNumber for this plan. */
  isValid(national: string): boolean;
}
interface CallingCodeRule {
  /** Matches a national number the library would try to strip a national prefix from. */
  prefixForParsing?: RegExp;
  regions: RegionRule[];
  /** The plan the library falls back to when no region is picked (the calling code's main country). */
  main: RegionRule;
}

const api = new Metadata(metadata) as unknown as MetadataApi;
const rules = new Map<string, CallingCodeRule | null>();

function compileRegion(country: string): RegionRule {
  api.selectNumberingPlan(country);
  const plan = api.numberingPlan;
  const leading = plan.leadingDigits();
  const nationalNumber = new RegExp(`^(?:${plan.nationalNumberPattern()})$`);
  const types = plan.hasTypes()
    ? NUMBER_TYPES.flatMap((name) => {
        const type = plan.type(name);
        const pattern = type?.pattern();
        if (!type || !pattern) return [];
        return [{ pattern: new RegExp(`^(?:${pattern})$`), lengths: type.possibleLengths() }];
      })
    : undefined;
  const hasType = (national: string) =>
    types !== undefined &&
    nationalNumber.test(national) &&
    types.some((t) => (!t.lengths || t.lengths.includes(national.length)) && t.pattern.test(national));
  return {
    country,
    leadingDigits: leading ? new RegExp(leading) : undefined,
    hasType,
    isValid: types ? hasType : (national) => nationalNumber.test(national),
  };
}

/** Compiled once per calling code; null when the fast path must not handle the code at all. */
function ruleFor(code: string): CallingCodeRule | null {
  const cached = rules.get(code);
  if (cached !== undefined) return cached;
  let rule: CallingCodeRule | null = null;
  const countries = api.isNonGeographicCallingCode(code) ? undefined : api.getCountryCodesForCallingCode(code);
  if (countries && countries.length > 0) {
    const regions = countries.map(compileRegion);
    api.selectNumberingPlan(code);
    const prefix = api.numberingPlan.nationalPrefixForParsing();
    rule = { prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined, regions, main: regions[0] };
  }
  rules.set(code, rule);
  return rule;
}

/** The library's choice of region among those sharing a calling code (helpers/getCountryByNationalNumber.js). */
function pickRegion(rule: CallingCodeRule, national: string): RegionRule | undefined {
  if (rule.regions.length === 1) return rule.regions[0];
  for (const region of rule.regions) {
    if (region.leadingDigits) {
      if (national.search(region.leadingDigits) === 0) return region;
    } else if (region.hasType(national)) {
      return region;
    }
  }
  return undefined;
}

const E164_SHAPE = /^\+[1-9]\d{6,14}$/;

/**
 * The library's result for an input already in E.164, computed with precompiled patterns; undefined when
 * the input is not E.164-shaped, is not valid, or reaches a step the fast path leaves to the library.
 */
export function fastE164(input: string): { e164: string; country: string } | undefined {
  if (!E164_SHAPE.test(input)) return undefined;
  for (let length = 1; length <= 3; length++) {
    const code = input.slice(1, 1 + length);
    if (!api.hasCallingCode(code)) continue;
    const rule = ruleFor(code);
    if (!rule) return undefined;
    const national = input.slice(1 + length);
    if (rule.prefixForParsing?.test(national)) return undefined;
    // No region picked: the library validates against the main country's plan and leaves the country unset
    // (normalizePhone then reports the main country, as below).
    const plan = pickRegion(rule, national) ?? rule.main;
    if (!plan.isValid(national)) return undefined;
    return { e164: input, country: plan.country };
  }
  return undefined;
}

/** Whether `country` is a region the metadata knows (a valid default country). */
export function isSupportedCountry(country: string): boolean {
  return api.hasCountry(country);
}

/** Digits with the separators people type (spaces, dashes, dots, brackets, slashes), optionally after a `+`. */
const FORMATTED = /^\+?[0-9 ().\/-]{4,40}$/;
const SEPARATORS = /[ ().\/-]/g;

interface DefaultCountryRule {
  callingCode: string;
  calling: CallingCodeRule;
  region: RegionRule;
  /** The country's international call prefix (011 in the US, 00 in most places) at the start of the digits. */
  iddPrefix: RegExp;
  /** The country's national prefix as the library would strip it from national digits. */
  prefixForParsing?: RegExp;
}
const defaultRules = new Map<string, DefaultCountryRule | null>();

function defaultRuleFor(country: string): DefaultCountryRule | null {
  const cached = defaultRules.get(country);
  if (cached !== undefined) return cached;
  let rule: DefaultCountryRule | null = null;
  api.selectNumberingPlan(country);
  const plan = api.numberingPlan as NumberingPlan & { callingCode(): string; IDDPrefix(): string };
  const callingCode = plan.callingCode();
  const iddPrefix = new RegExp(`^(?:${plan.IDDPrefix()})`);
  const prefix = plan.nationalPrefixForParsing();
  const calling = ruleFor(callingCode);
  const region = calling?.regions.find((r) => r.country === country);
  if (calling && region) {
    rule = { callingCode, calling, region, iddPrefix, prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined };
  }
  defaultRules.set(country, rule);
  return rule;
}

/**
 * The library's result for a number written with the usual separators — international (`+44 7712 123456`)
 * or national for `defaultCountry` (`(212) 555-0123`) — computed with precompiled patterns. Like `fastE164`
 * it only ever accepts: digits starting with an international call prefix, with the calling code itself, or
 * with a national prefix, and any number it does not find valid, are left to the library.
 */
export function fastFormatted(input: string, defaultCountry: string | undefined): { e164: string; country: string } | undefined {
  if (!FORMATTED.test(input)) return undefined;
  const digits = input.replace(SEPARATORS, "");
  if (digits.startsWith("+")) return fastE164(digits);
  if (!defaultCountry || digits.length < 2 || digits.length > 17) return undefined;
  const rule = defaultRuleFor(defaultCountry);
  if (!rule || rule.iddPrefix.test(digits) || digits.startsWith(rule.callingCode) || rule.prefixForParsing?.test(digits)) return undefined;
  // The library keeps the default country unless another region of the same calling code claims the number.
  const plan = pickRegion(rule.calling, digits) ?? rule.region;
  if (!plan.isValid(digits)) return undefined;
  return { e164: `+${rule.callingCode}${digits}`, country: plan.country };
}

const LETTERS = /\p{L}/u;
const LEADING_NOISE = /^['\s]+/;

/**
 * Normalises one number as typed or imported. `defaultCountry` (ISO alpha-2) applies to numbers written
 * without a country code; a leading `00` counts as `+` when there is no default country to say otherwise.
 */
export function normalizePhone(input: string | null | undefined, defaultCountry?: string | null): NormalizedPhone {
  // A leading apostrophe is how spreadsheets (and our own exports) keep a cell as text.
  const text = (input ?? "").replace(LEADING_NOISE, "").trim();
  if (text === "") return reject("empty");
  const fast = fastE164(text);
  if (fast) return { ok: true, e164: fast.e164, country: fast.country };

  const country = defaultCountry && isSupportedCountry(defaultCountry.toUpperCase()) ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const formatted = fastFormatted(text, country);
  if (formatted) return { ok: true, e164: formatted.e164, country: formatted.country };

  if (LETTERS.test(text)) return reject("not_a_number");
  let candidate = text;
  if (!country && /^\s*00[1-9]/.test(candidate)) candidate = candidate.replace(/^\s*00/, "+");
  if (!country && !candidate.startsWith("+")) {
    return /\d/.test(candidate) ? reject("no_country") : reject("not_a_number");
  }
  try {
    const options = country ? { defaultCountry: country } : {};
    const phone = parsePhoneNumberWithError(candidate, options, metadata);
    if (phone.ext) return reject("not_a_number", "(has an extension, which SMS cannot reach)");
    if (!phone.isValid()) {
      const length = validatePhoneNumberLength(candidate, options, metadata);
      if (length === "TOO_SHORT") return reject("too_short");
      if (length === "TOO_LONG") return reject("too_long");
      const where = phone.country ?? mainCountry(phone.countryCallingCode);
      return reject("impossible", where ? `for ${where}` : undefined);
    }
    return { ok: true, e164: phone.number, country: phone.country ?? mainCountry(phone.countryCallingCode) };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    switch (error.message) {
      case "INVALID_COUNTRY":
        return candidate.startsWith("+") ? reject("invalid_country_code") : reject("no_country");
      case "TOO_SHORT":
        return reject("too_short");
      case "TOO_LONG":
        return reject("too_long");
      default:
        return reject("not_a_number");
    }
  }
}

function mainCountry(callingCode: string): string | null {
  const rule = ruleFor(callingCode);
  return rule?.main.country ?? null;
}

/** The human sentence for a rejection reason (used in import reports and forms). */
export function phoneRejectionMessage(reason: PhoneRejection): string {
  return MESSAGES[reason];
}
