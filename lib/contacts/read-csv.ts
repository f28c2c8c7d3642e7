/**
 * Streams a CSV file as chunks of records without ever holding the whole file: bytes are decoded as they
 * arrive, cut at the last line break that is outside quotes, and each complete block is parsed by
 * papaparse. Runs in the browser (over `File.stream()`) and in Node (over `fs.createReadStream`), so the
 * wizard, the tests and the benchmark read files identically.
 */
import Papa from "papaparse";
import { stripBom, type Delimiter, type FileEncoding } from "./csv-dialect";

export interface CsvReadOptions {
  encoding: FileEncoding;
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Records per yielded chunk (the last one may be shorter). */
  chunkRows: number;
}

export interface CsvChunk {
  /** 0-based position of this chunk. */
  index: number;
  rows: string[][];
  /** File row number of rows[0]; the header, if any, is row 1. */
  firstRowNumber: number;
  /** Indexes into rows that papaparse flagged (unbalanced quotes). */
  malformed: number[];
}

export interface CsvFileReader {
  /** The header row (null without one); known once the first chunk has been read. */
  header(): string[] | null;
  chunks(): AsyncGenerator<CsvChunk>;
}

/** A quoted field may hold line breaks; past this size without a record boundary we cut anyway (bad quotes). */
const MAX_PENDING_CHARS = 1 << 20;

type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* bytesOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if ("getReader" in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    yield* source;
  }
}

/**
 * The last record boundary in `text`: `end` (exclusive, before the line break) and `next` (after it). A line
 * break counts only outside double quotes (RFC 4180 doubles quotes inside fields, so parity tells); with
 * `force`, any line break does. A trailing `\r` is not used, since its `\n` may be in the next bytes.
 */
export function lastRecordBoundary(text: string, force: boolean): { end: number; next: number } | null {
  let inQuotes = false;
  let boundary: { end: number; next: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if ((ch === 10 || ch === 13) && (!inQuotes || force)) {
      if (ch === 13) {
        if (i + 1 === text.length) break;
        if (text.charCodeAt(i + 1) === 10) {
          boundary = { end: i, next: i + 2 };
          i++;
          continue;
        }
      }
      boundary = { end: i, next: i + 1 };
    }
  }
  return boundary;
}

export function readCsv(source: ByteSource, options: CsvReadOptions): CsvFileReader {
  let header: string[] | null = null;
  return {
    header: () => header,
    async *chunks() {
      const decoder = new TextDecoder(options.encoding);
      let pending = "";
      let first = true;
      let rowNumber = 1;
      let index = 0;
      let rows: string[][] = [];
      let malformed: number[] = [];
      let headerPending = options.hasHeader;

      const take = (block: string) => {
        // An empty block is one blank line (papaparse returns no record for "").
        const parsed = block === "" ? { data: [[""]], errors: [] } : Papa.parse<string[]>(block, { delimiter: options.delimiter });
        const bad = new Set(parsed.errors.filter((e) => e.type === "Quotes" && e.row !== undefined).map((e) => e.row as number));
        parsed.data.forEach((row, i) => {
          if (headerPending) {
            if (row.every((c) => c.trim() === "")) return void rowNumber++;
            header = row.map((c) => c.trim());
            headerPending = false;
            rowNumber++;
            return;
          }
          if (bad.has(i)) malformed.push(rows.length);
          rows.push(row);
        });
      };
      const drain = function* (final: boolean): Generator<CsvChunk> {
        while (rows.length >= options.chunkRows || (final && rows.length > 0)) {
          const part = rows.splice(0, options.chunkRows);
          const bad = malformed.filter((m) => m < part.length);
          malformed = malformed.filter((m) => m >= part.length).map((m) => m - part.length);
          yield { index: index++, rows: part, firstRowNumber: rowNumber, malformed: bad };
          rowNumber += part.length;
        }
      };

      for await (const bytes of bytesOf(source)) {
        let text = decoder.decode(bytes, { stream: true });
        if (first && text) {
          text = stripBom(text);
          first = false;
        }
        pending += text;
        const boundary = lastRecordBoundary(pending, pending.length > MAX_PENDING_CHARS);
        if (!boundary) continue;
        take(pending.slice(0, boundary.end));
        pending = pending.slice(boundary.next);
        yield* drain(false);
      }
      pending += decoder.decode();
      if (first) pending = stripBom(pending);
      // A trailing line break leaves nothing pending; anything else is a last record without one.
      if (pending !== "") take(pending);
      yield* drain(true);
    },
  };
}
