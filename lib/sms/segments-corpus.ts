/**
 * Deterministic message corpora for the segment counter's equivalence test and benchmark (not used by the
 * app). Texts are built to cost an exact number of units, so they can sit on either side of every part
 * boundary, and from characters that are each one grapheme: `sms-segments-calculator` never splits a
 * grapheme across parts while we follow NOTES.md and keep only surrogate pairs and escapes whole, so
 * combining marks, ZWJ sequences, flags and skin tones are left out on purpose (segments.test.ts pins them).
 */


export { seededRandom } from "@/lib/testing/seeded-random";

/**
 * What a text is made of. `gsm*` texts are pure GSM-7 and measured in septets; `ucs2*` texts contain at least
 * one non-GSM character and are measured in UTF-16 code units.
 */
export type CorpusProfile = "gsm" | "gsm-extended" | "ucs2-one-char" | "ucs2-mixed" | "ucs2-emoji" | "ucs2-scripts";

export const CORPUS_PROFILES: readonly CorpusProfile[] = [
  "gsm",
  "gsm-extended",
  "ucs2-one-char",
  "ucs2-mixed",
  "ucs2-emoji",
  "ucs2-scripts",
];

type Pool = readonly string[];

const chars = (s: string): Pool => Array.from(s);
const range = (from: number, to: number): Pool =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const LETTERS = chars("abcdefghijklmnopqrstuvwxyz      ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?");
const GSM_BASIC = chars(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿" +
    "abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = chars("\f^{}\\[~]|€");
/** Single-unit BMP characters outside GSM-7: what makes a message UCS-2 in practice. */
const NON_GSM_BMP = [
  ...chars("’‘“”–—…•°«»\u00a0\t`áíóúÁÍÓÚçãõâêîôûğşıœ¢©®™±×÷¼½☀☎✈❤★☺"),
  ...range(0x0410, 0x044f), // Cyrillic
  ...range(0x03b1, 0x03c9), // Greek small letters (only some capitals are GSM)
];
const CJK = range(0x4e00, 0x9fa5);
const ARABIC = [...range(0x0621, 0x063a), ...range(0x0641, 0x064a)]; // letters only: no harakat
const EMOJI = [...range(0x1f300, 0x1f3fa), ...range(0x1f600, 0x1f64f), ...range(0x1f680, 0x1f6c5)];
const ASTRAL_OTHER = [...range(0x1d400, 0x1d433), ...range(0x20000, 0x20100)];
const LONE_LOW_SURROGATES = Array.from({ length: 64 }, (_, i) => String.fromCharCode(0xdc00 + i * 16));

/** Pools and their weights per profile. */
const MIXES: Record<CorpusProfile, [Pool, number][]> = {
  gsm: [[LETTERS, 7], [GSM_BASIC, 3]],
  "gsm-extended": [[LETTERS, 5], [GSM_BASIC, 2], [GSM_EXTENSION, 3]],
  "ucs2-one-char": [[LETTERS, 6], [GSM_BASIC, 2], [GSM_EXTENSION, 2]],
  "ucs2-mixed": [
    [LETTERS, 30], [GSM_BASIC, 10], [GSM_EXTENSION, 5], [NON_GSM_BMP, 15], [CJK, 10], [ARABIC, 10],
    [EMOJI, 15], [ASTRAL_OTHER, 3], [LONE_LOW_SURROGATES, 2],
  ],
  "ucs2-emoji": [[LETTERS, 50], [EMOJI, 45], [NON_GSM_BMP, 5]],
  "ucs2-scripts": [[CJK, 30], [ARABIC, 30], [NON_GSM_BMP, 20], [LETTERS, 20]],
};

const isGsmProfile = (profile: CorpusProfile) => profile.startsWith("gsm");
const GSM_EXTENSION_SET = new Set(GSM_EXTENSION);
const GSM_SET = new Set([...GSM_BASIC, ...GSM_EXTENSION]);

/** Units a character costs in the profile's encoding: septets (GSM-7) or UTF-16 code units (UCS-2). */
function cost(char: string, gsm: boolean): number {
  return gsm ? (GSM_EXTENSION_SET.has(char) ? 2 : 1) : char.length;
}

function pick(random: () => number, pool: Pool): string {
  return pool[Math.floor(random() * pool.length)];
}

function pickFromMix(random: () => number, mix: [Pool, number][]): string {
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [pool, weight] of mix) {
    if (r < weight) return pick(random, pool);
    r -= weight;
  }
  return pick(random, mix[mix.length - 1][0]);
}

/**
 * A text of the given profile costing exactly `units` (septets for `gsm*`, code units for `ucs2*`). A
 * two-unit character that would overshoot is replaced by a one-unit letter.
 */
export function corpusText(random: () => number, profile: CorpusProfile, units: number): string {
  const gsm = isGsmProfile(profile);
  const items: string[] = [];
  let total = 0;
  while (total < units) {
    let char = pickFromMix(random, MIXES[profile]);
    if (total + cost(char, gsm) > units) char = pick(random, LETTERS);
    items.push(char);
    total += cost(char, gsm);
  }
  if (!gsm && items.length > 0 && items.every((char) => GSM_SET.has(char))) {
    items[Math.floor(random() * items.length)] = pick(random, NON_GSM_BMP);
  }
  return items.join("");
}
