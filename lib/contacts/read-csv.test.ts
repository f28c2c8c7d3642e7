import { describe, expect, it } from "vitest";
import { detectDialect, detectEncoding } from "./csv-dialect";
import { readCsv, type CsvReadOptions } from "./read-csv";

/** Feeds `bytes` in pieces of `size` bytes, so records and characters are cut at awkward places. */
async function* pieces(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, options: Partial<CsvReadOptions> = {}, size = 7) {
  const reader = readCsv(pieces(bytes, size), { encoding: "utf-8", delimiter: ",", hasHeader: true, chunkRows: 2, ...options });
  const chunks = [];
  for await (const chunk of reader.chunks()) chunks.push(chunk);
  return { header: reader.header(), chunks, rows: chunks.flatMap((c) => c.rows) };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("reads comma, semicolon and tab files with the delimiter detected", async () => {
    for (const delimiter of [",", ";", "\t"] as const) {
      const text = ["phone,name", "+33612345678,Zoé", "+33612345679,Ana"].map((l) => l.replace(/,/g, delimiter)).join("\n");
      const dialect = detectDialect(text);
      expect(dialect.delimiter).toBe(delimiter);
      expect(dialect.hasHeader).toBe(true);
      const { header, rows } = await readAll(utf8(text), { delimiter });
      expect(header).toEqual(["phone", "name"]);
      expect(rows).toEqual([["+33612345678", "Zoé"], ["+33612345679", "Ana"]]);
    }
  });

  it("keeps quoted fields with embedded line breaks, delimiters and quotes in one record", async () => {
    const text = 'phone,note\r\n+33612345678,"line one\r\nline two, ""quoted"""\r\n+33612345679,plain\r\n';
    const { rows, chunks } = await readAll(utf8(text), {}, 3);
    expect(rows).toEqual([["+33612345678", 'line one\r\nline two, "quoted"'], ["+33612345679", "plain"]]);
    expect(chunks[0].firstRowNumber).toBe(2);
  });

  it("drops a UTF-8 byte-order mark and handles CRLF", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("phone,name\r\n+33612345678,Zoé\r\n")]);
    expect(detectEncoding(bytes)).toBe("utf-8");
    const { header, rows } = await readAll(bytes, {}, 2);
    expect(header).toEqual(["phone", "name"]);
    expect(rows).toEqual([["+33612345678", "Zoé"]]);
  });

  it("detects and decodes Windows-1252 (Latin-1) files", async () => {
    // "Zoé;Müller;€" in Windows-1252: é = E9, ü = FC, € = 80
    const bytes = new Uint8Array([...utf8("name;last;sym\nZo"), 0xe9, ...utf8(";M"), 0xfc, ...utf8("ller;"), 0x80, 0x0a]);
    expect(detectEncoding(bytes, true)).toBe("windows-1252");
    const { rows } = await readAll(bytes, { encoding: "windows-1252", delimiter: ";" });
    expect(rows).toEqual([["Zoé", "Müller", "€"]]);
  });

  it("does not mistake a UTF-8 character cut at the end of the sample for Latin-1", () => {
    const bytes = utf8("name\nZoé");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false)).toBe("utf-8");
  });

  it("keeps blank lines as rows (skipped later) so row numbers match the file", async () => {
    const { rows, chunks } = await readAll(utf8("phone\n\n+33612345678\n\n\n+33612345679\n"), { chunkRows: 100 });
    expect(rows.length).toBe(5);
    expect(chunks[0].firstRowNumber).toBe(2);
    expect(rows[4]).toEqual(["+33612345679"]);
  });

  it("reads a file without a header from row 1", async () => {
    const text = "+33612345678;Ana\n+33612345679;Bea";
    expect(detectDialect(text).hasHeader).toBe(false);
    const { header, chunks, rows } = await readAll(utf8(text), { hasHeader: false, delimiter: ";" });
    expect(header).toBeNull();
    expect(chunks[0].firstRowNumber).toBe(1);
    expect(rows).toHaveLength(2);
  });

  it("numbers chunks consecutively", async () => {
    const lines = ["phone", ...Array.from({ length: 7 }, (_, i) => `+3361234567${i}`)];
    const { chunks } = await readAll(utf8(lines.join("\n")), { chunkRows: 3 }, 5);
    expect(chunks.map((c) => [c.index, c.firstRowNumber, c.rows.length])).toEqual([[0, 2, 3], [1, 5, 3], [2, 8, 1]]);
  });

  it("flags an unterminated quote instead of swallowing memory", async () => {
    const { rows, chunks } = await readAll(utf8('phone,name\n+33612345678,"Ana\n+33612345679,Bea\n'), { chunkRows: 100 });
    expect(chunks[0].malformed).toEqual([0]);
    expect(rows).toHaveLength(1);
  });
});
