/**
 * A CSV download streamed page by page (a million rows never sit in memory), every cell escaped against
 * spreadsheet formulas by `toCsvLine`.
 */
import { toCsvLine } from "@/lib/contacts/csv-safe";

type Cell = string | number | boolean | null | undefined;

export function csvResponse(fileName: string, header: string[], pages: AsyncIterable<Cell[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${toCsvLine(header)}\r\n`));
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(value.map((row) => `${toCsvLine(row)}\r\n`).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

/** A date as the exports write it: ISO 8601 in UTC, or empty. */
export const isoOrEmpty = (date: Date | null) => (date ? date.toISOString() : "");
