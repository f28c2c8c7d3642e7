/**
 * What kind of CSV file this is: its text encoding, delimiter and whether the first row is a header.
 * Pure and browser-safe: the import wizard runs it on the first bytes of the picked file, and the server-side
 * file reader (bench, tests) on the same sample, so both read a file the same way.
 */
import Papa from "papaparse";

export const ENCODINGS = ["utf-8", "windows-1252"] as const;
export type FileEncoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many bytes of a file the detectors look at. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-8 when the sample decodes as UTF-8 (a byte-order mark settles it at once), else Windows-1252, the
 * superset of Latin-1 that spreadsheet programs on Windows write. `complete` says whether the sample is the
 * whole file; otherwise a multi-byte character cut at its end is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete = false): FileEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: !complete });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** Removes a leading byte-order mark from decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const PHONE_LIKE = /^[\s'+(]*\d[\d\s().\-/]{5,}$/;

/** A cell that reads like a phone number (7+ digits with the usual punctuation). */
export function looksLikePhone(cell: string): boolean {
  return PHONE_LIKE.test(cell.trim()) && cell.replace(/\D/g, "").length >= 7;
}

export interface Dialect {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** The first rows as parsed with this delimiter, blank rows left out. */
  preview: string[][];
}

function isBlank(row: string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}

/** Guesses the delimiter (the one giving the most consistent, widest rows) and whether row 1 is a header. */
export function detectDialect(sampleText: string, previewRows = 10): Dialect {
  const text = stripBom(sampleText);
  let best: { delimiter: Delimiter; score: number; rows: string[][] } | undefined;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: 50 }).data.filter((row) => !isBlank(row));
    if (rows.length === 0) continue;
    const widths = rows.map((row) => row.length);
    const common = mode(widths);
    const consistency = widths.filter((w) => w === common).length / widths.length;
    const score = common > 1 ? common * consistency : 0;
    if (!best || score > best.score) best = { delimiter, score, rows };
  }
  const rows = best?.rows ?? [];
  return { delimiter: best?.delimiter ?? ",", hasHeader: guessHeader(rows), preview: rows.slice(0, previewRows) };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** A header has no phone-like cell while the rows below do; with no phone-like cells at all, assume one. */
function guessHeader(rows: string[][]): boolean {
  if (rows.length === 0) return true;
  const firstHasPhone = rows[0].some(looksLikePhone);
  const restHavePhone = rows.slice(1).some((row) => row.some(looksLikePhone));
  if (firstHasPhone) return false;
  return restHavePhone || rows[0].every((cell) => !/^\d+$/.test(cell.trim()));
}
