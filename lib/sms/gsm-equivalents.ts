/**
 * The characters that force a message into UCS-2, and their GSM-7 look-alikes. A single curly quote pasted
 * from a word processor cuts a part from 160 to 70 characters and can triple the cost of a campaign, so the
 * composer names the culprits and offers to replace them.
 */
import { GSM_SEPTETS } from "./gsm-charset";

/** Look-alike (GSM-7 text, possibly empty or several characters) and a name for the character it replaces. */
const NAMED: Record<string, [replacement: string, name: string]> = {
  "\u2018": ["'", "left single quote"],
  "\u2019": ["'", "right single quote (curly apostrophe)"],
  "\u201a": ["'", "low single quote"],
  "\u201b": ["'", "reversed single quote"],
  "\u2032": ["'", "prime"],
  "\u00b4": ["'", "acute accent"],
  "`": ["'", "backtick"],
  "\u2039": ["'", "single angle quote"],
  "\u203a": ["'", "single angle quote"],
  "\u201c": ['"', "left double quote"],
  "\u201d": ['"', "right double quote"],
  "\u201e": ['"', "low double quote"],
  "\u201f": ['"', "reversed double quote"],
  "\u2033": ['"', "double prime"],
  "\u00ab": ['"', "left guillemet"],
  "\u00bb": ['"', "right guillemet"],
  "\u2010": ["-", "hyphen"],
  "\u2011": ["-", "non-breaking hyphen"],
  "\u2012": ["-", "figure dash"],
  "\u2013": ["-", "en dash"],
  "\u2014": ["-", "em dash"],
  "\u2015": ["-", "horizontal bar"],
  "\u2212": ["-", "minus sign"],
  "\u2022": ["-", "bullet"],
  "\u2026": ["...", "ellipsis"],
  "\u00a0": [" ", "non-breaking space"],
  "\u2002": [" ", "en space"],
  "\u2003": [" ", "em space"],
  "\u2009": [" ", "thin space"],
  "\u202f": [" ", "narrow non-breaking space"],
  "\u3000": [" ", "ideographic space"],
  "\t": [" ", "tab"],
  "\u2028": ["\n", "line separator"],
  "\u2029": ["\n", "paragraph separator"],
  "\u200b": ["", "zero-width space (invisible)"],
  "\u00ad": ["", "soft hyphen (invisible)"],
  "\u2060": ["", "word joiner (invisible)"],
  "\ufeff": ["", "byte order mark (invisible)"],
  "\u2122": ["TM", "trade mark sign"],
  "\u00a9": ["(c)", "copyright sign"],
  "\u00ae": ["(R)", "registered sign"],
  "\u00d7": ["x", "multiplication sign"],
  "\u00f7": ["/", "division sign"],
  "\u00bd": ["1/2", "one half"],
  "\u00bc": ["1/4", "one quarter"],
  "\u00be": ["3/4", "three quarters"],
  "\u00ba": ["o", "masculine ordinal (nº)"],
  "\u00aa": ["a", "feminine ordinal"],
  "á": ["a", "a with acute"],
  "â": ["a", "a with circumflex"],
  "ã": ["a", "a with tilde"],
  "Á": ["A", "A with acute"],
  "À": ["A", "A with grave"],
  "Â": ["A", "A with circumflex"],
  "Ã": ["A", "A with tilde"],
  "ç": ["c", "c with cedilla"],
  "ê": ["e", "e with circumflex"],
  "ë": ["e", "e with diaeresis"],
  "È": ["E", "E with grave"],
  "Ê": ["E", "E with circumflex"],
  "í": ["i", "i with acute"],
  "î": ["i", "i with circumflex"],
  "ï": ["i", "i with diaeresis"],
  "Í": ["I", "I with acute"],
  "Ì": ["I", "I with grave"],
  "ó": ["o", "o with acute"],
  "ô": ["o", "o with circumflex"],
  "õ": ["o", "o with tilde"],
  "Ó": ["O", "O with acute"],
  "Ò": ["O", "O with grave"],
  "Ô": ["O", "O with circumflex"],
  "Õ": ["O", "O with tilde"],
  "ú": ["u", "u with acute"],
  "û": ["u", "u with circumflex"],
  "Ú": ["U", "U with acute"],
  "Ù": ["U", "U with grave"],
  "œ": ["oe", "oe ligature"],
  "Œ": ["OE", "OE ligature"],
};

const EQUIVALENTS = new Map(Object.entries(NAMED));
// Combining accents (U+0300–U+036F): `replaceWithGsmEquivalents` first composes them into their letter
// (e + U+0301 → é, which GSM-7 has); those left over have no look-alike of their own and are dropped.
for (let code = 0x300; code <= 0x36f; code++) {
  EQUIVALENTS.set(String.fromCharCode(code), ["", "combining accent (merged into its letter or dropped)"]);
}

/** One character that keeps a text out of GSM-7, as the composer lists it. */
export interface NonGsmCharacter {
  /** The character itself (an emoji is one, even though it takes two UTF-16 units). */
  char: string;
  /** `U+2019`: how to tell invisible or look-alike characters apart. */
  codePoint: string;
  /** A plain-English name, for the characters we know a look-alike for. */
  name?: string;
  /** How often it occurs in the text. */
  count: number;
  /** The GSM-7 text `replaceWithGsmEquivalents` puts in its place, when there is one. */
  replacement?: string;
}

/** Lists, in order of first appearance, the characters that make `text` UCS-2. Empty for a GSM-7 text. */
export function findNonGsmCharacters(text: string): NonGsmCharacter[] {
  const found = new Map<string, NonGsmCharacter>();
  for (const char of text) {
    if (GSM_SEPTETS[char.charCodeAt(0)] !== 0) continue;
    const seen = found.get(char);
    if (seen) {
      seen.count++;
      continue;
    }
    const equivalent = EQUIVALENTS.get(char);
    const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    found.set(
      char,
      equivalent
        ? { char, codePoint, name: equivalent[1], count: 1, replacement: equivalent[0] }
        : { char, codePoint, count: 1 },
    );
  }
  return [...found.values()];
}

/**
 * Replaces every character that has a GSM-7 look-alike (curly quotes, dashes, odd spaces, ellipsis, accented
 * letters outside the GSM table…), after composing decomposed accents (as some keyboards and macOS paste
 * them). Characters without one, such as emoji, stay, so the result may still be UCS-2: check it with
 * `countSegments`.
 */
export function replaceWithGsmEquivalents(text: string): string {
  let result = "";
  for (const char of text.normalize("NFC")) result += EQUIVALENTS.get(char)?.[0] ?? char;
  return result;
}
