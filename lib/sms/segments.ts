/**
 * Encoding detection and segment counting for SMS text (NOTES.md, "Segments").
 *
 * Runs for every message of a campaign launch as well as on every keystroke in the composer, so it makes a
 * single pass over the string with one table read per code unit and allocates nothing but its result.
 * It agrees with `sms-segments-calculator` (segments.equivalence.test.ts), which is over a thousand times
 * slower (scripts/bench/segments.ts).
 */
import type { Encoding } from "@/lib/providers/types";
import { GSM_SEPTETS } from "./gsm-charset";

/** Septets in a GSM-7 message that fits one SMS, and in each part of a concatenated one (7 go to the UDH). */
export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
/** UTF-16 code units in a UCS-2 message that fits one SMS, and in each part of a concatenated one. */
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

/** What a text costs to send, and what the composer shows beside it. */
export interface SegmentCount {
  encoding: Encoding;
  /** SMS parts the text is sent as (and billed for). The empty text counts as one, as gateways bill it. */
  segments: number;
  /** Characters as the user sees them: code points, so an emoji counts once (a flag or a ZWJ family counts each of its code points). */
  characters: number;
  /** What the parts are filled with: septets for GSM-7 (extension characters cost two), UTF-16 code units for UCS-2. */
  units: number;
  /** Units one part holds: 160 or 153 (GSM-7), 70 or 67 (UCS-2), depending on whether the text is concatenated. */
  perSegment: number;
  /** Units still free in the last part before another part is needed (a two-unit character may need two). */
  remaining: number;
}

/**
 * Counts the encoding, parts and units of `text`.
 *
 * Parts are packed greedily and never split a two-unit item (a GSM escape sequence or a UTF-16 surrogate
 * pair): when it does not fit, the whole item moves to the next part, which is why 153 × n is not always
 * the capacity of n parts.
 */
export function countSegments(text: string): SegmentCount {
  const length = text.length;
  let septets = 0;
  let parts = 1;
  let used = 0; // septets in the current part, packed as if concatenated
  for (let i = 0; i < length; i++) {
    const cost = GSM_SEPTETS[text.charCodeAt(i)];
    if (cost === 0) return countUcs2From(text, i);
    septets += cost;
    if (used + cost > GSM7_PART) {
      parts++;
      used = cost;
    } else {
      used += cost;
    }
  }
  return septets <= GSM7_SINGLE
    ? result("GSM7", 1, length, septets, GSM7_SINGLE, GSM7_SINGLE - septets)
    : result("GSM7", parts, length, septets, GSM7_PART, GSM7_PART - used);
}

/**
 * Finishes the count as UCS-2 once the first non-GSM code unit is found at `start`. The `start` code units
 * before it are all single-unit BMP characters, so their packing is arithmetic and the text is never re-read.
 */
function countUcs2From(text: string, start: number): SegmentCount {
  const length = text.length;
  let parts = start === 0 ? 1 : Math.ceil(start / UCS2_PART);
  let used = start - (parts - 1) * UCS2_PART;
  let codePoints = start;
  let i = start;
  while (i < length) {
    const unit = text.charCodeAt(i);
    let cost = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) cost = 2;
    }
    i += cost;
    codePoints++;
    if (used + cost > UCS2_PART) {
      parts++;
      used = cost;
    } else {
      used += cost;
    }
  }
  return length <= UCS2_SINGLE
    ? result("UCS2", 1, codePoints, length, UCS2_SINGLE, UCS2_SINGLE - length)
    : result("UCS2", parts, codePoints, length, UCS2_PART, UCS2_PART - used);
}

function result(
  encoding: Encoding,
  segments: number,
  characters: number,
  units: number,
  perSegment: number,
  remaining: number,
): SegmentCount {
  return { encoding, segments, characters, units, perSegment, remaining };
}
