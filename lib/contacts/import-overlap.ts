/**
 * Two chunks written at once must not share a number (see import-pipeline.postgres.ts): the later one would
 * wait on the earlier one's row locks. A number the next chunk repeats from the one before it is taken out
 * of it, as the duplicate the database would have found (the first row in the file wins), so the outcome is
 * the same as writing the chunks one after the other.
 */

/**
 * The numbers of a chunk, sorted, to find the next chunk's repeats by one merge walk: a hash set of 100,000
 * numbers per chunk cost a cache miss per lookup, about 0.9 s of the main thread per million rows. A number
 * is kept as a double (up to 15 digits: exact), which does not keep its chunk's text alive; anything that is
 * not "+" and 1 to 15 digits without a leading zero (never from normalizePhone) is kept as text.
 */
export interface ChunkNumbers {
  sorted: Float64Array;
  other: Set<string>;
}

export interface Repeats {
  /** The chunk's numbers that `earlier` had, to take out of it. */
  phones: string[];
  /** How many of those rows opted their number out. */
  optOuts: number;
  /** The numbers the chunk keeps: the `earlier` of the next chunk. */
  kept: ChunkNumbers;
}

export const NO_NUMBERS: ChunkNumbers = { sorted: new Float64Array(0), other: new Set() };

const PLUS = "+".charCodeAt(0);
const ZERO = "0".charCodeAt(0);
const ONE = "1".charCodeAt(0);
const TAB = "\t".charCodeAt(0);

/** The number of the line starting at `start` (its first field, up to `tab`), or NaN when it must be kept as text. */
function numberAt(text: string, start: number, tab: number): number {
  if (tab - start > 16 || tab - start < 2 || text.charCodeAt(start) !== PLUS || text.charCodeAt(start + 1) === ZERO) return Number.NaN;
  let key = 0;
  for (let i = start + 1; i < tab; i++) key = key * 10 + (text.charCodeAt(i) - ZERO);
  return key;
}

/** Where the first field of the line starting at `start` ends. */
function tabAfter(text: string, start: number): number {
  let tab = start;
  while (text.charCodeAt(tab) !== TAB) tab++;
  return tab;
}

/** The chunk's numbers, sorted (see ChunkNumbers). */
function numbersOf(contacts: readonly string[]): ChunkNumbers {
  let sorted = new Float64Array(1 << 16);
  let count = 0;
  const other = new Set<string>();
  for (const part of contacts) {
    for (let start = 0; start < part.length; start = part.indexOf("\n", start) + 1) {
      const tab = tabAfter(part, start);
      const key = numberAt(part, start, tab);
      if (Number.isNaN(key)) {
        other.add(part.slice(start, tab));
        continue;
      }
      if (count === sorted.length) {
        const grown = new Float64Array(count * 2);
        grown.set(sorted);
        sorted = grown;
      }
      sorted[count++] = key;
    }
  }
  return { sorted: sorted.subarray(0, count).sort(), other };
}

/** The values of sorted `a` also in sorted `b`. */
function common(a: Float64Array, b: Float64Array): Set<number> {
  const found = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      found.add(a[i]);
      i++;
      j++;
    }
  }
  return found;
}

/**
 * The rows of `contacts` (PostgreSQL COPY text, see contact-rows.ts) whose number is in `earlier`. A line's
 * number is its first field (E.164, never escaped) and its opt-out flag its last character. Reads the text
 * without copying it: a chunk is megabytes, and these would be garbage at once.
 */
export function findRepeats(contacts: readonly string[], earlier: ChunkNumbers): Repeats {
  const kept = numbersOf(contacts);
  const repeated = common(kept.sorted, earlier.sorted);
  const repeats: Repeats = { phones: [], optOuts: 0, kept };
  if (repeated.size === 0 && ![...kept.other].some((phone) => earlier.other.has(phone))) return repeats;
  for (const part of contacts) {
    for (let start = 0; start < part.length; ) {
      const end = part.indexOf("\n", start);
      const tab = tabAfter(part, start);
      const key = numberAt(part, start, tab);
      if (Number.isNaN(key) ? earlier.other.has(part.slice(start, tab)) : repeated.has(key)) {
        repeats.phones.push(part.slice(start, tab));
        if (part.charCodeAt(end - 1) === ONE) repeats.optOuts++;
      }
      start = end + 1;
    }
  }
  // The next chunk checks against the numbers this one keeps, not those it gave up.
  const dropped = new Set(repeats.phones);
  repeats.kept = { sorted: kept.sorted.filter((n) => !repeated.has(n)), other: new Set([...kept.other].filter((phone) => !dropped.has(phone))) };
  return repeats;
}
