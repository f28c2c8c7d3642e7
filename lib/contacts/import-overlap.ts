/**
 * Two chunks written at once must not share a number (see import-pipeline.postgres.ts): the later one would
 * wait on the earlier one's row locks. A number the next chunk repeats from the one before it is taken out
 * of it, as the duplicate the database would have found (the first row in the file wins), so the outcome is
 * the same as writing the chunks one after the other.
 */

/** A number as a Set key that does not keep its chunk's text alive (up to 15 digits: exact as a double). */
type PhoneKey = number | string;

export interface Repeats {
  /** The chunk's numbers that `earlier` had, to take out of it. */
  phones: string[];
  /** How many of those rows opted their number out. */
  optOuts: number;
  /** The keys of the numbers the chunk keeps: the `earlier` of the next chunk. */
  kept: Set<PhoneKey>;
}

const PLUS = "+".charCodeAt(0);
const ZERO = "0".charCodeAt(0);
const ONE = "1".charCodeAt(0);
const TAB = "\t".charCodeAt(0);

function phoneKey(text: string, start: number, end: number): PhoneKey {
  // Anything but "+" and 1 to 15 digits without a leading zero (never from normalizePhone) keys as text.
  if (end - start > 16 || text.charCodeAt(start) !== PLUS || text.charCodeAt(start + 1) === ZERO) return text.slice(start, end);
  let key = 0;
  for (let i = start + 1; i < end; i++) key = key * 10 + (text.charCodeAt(i) - ZERO);
  return key;
}

/**
 * The rows of `contacts` (PostgreSQL COPY text, see contact-rows.ts) whose number is in `earlier`. A line's
 * number is its first field (E.164, never escaped) and its opt-out flag its last character. Reads the text
 * without copying it: a chunk is megabytes, and these would be garbage at once.
 */
export function findRepeats(contacts: readonly string[], earlier: ReadonlySet<PhoneKey>): Repeats {
  const repeats: Repeats = { phones: [], optOuts: 0, kept: new Set() };
  for (const part of contacts) {
    for (let start = 0; start < part.length; ) {
      const end = part.indexOf("\n", start);
      let tab = start;
      while (part.charCodeAt(tab) !== TAB) tab++;
      const key = phoneKey(part, start, tab);
      if (earlier.has(key)) {
        repeats.phones.push(part.slice(start, tab));
        if (part.charCodeAt(end - 1) === ONE) repeats.optOuts++;
      } else {
        repeats.kept.add(key);
      }
      start = end + 1;
    }
  }
  return repeats;
}
