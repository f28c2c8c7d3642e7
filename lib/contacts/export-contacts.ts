/**
 * CSV downloads built as streams: contacts (a list or any filter) and an import's rejected rows. Rows are
 * read in keyset pages, so memory stays flat whatever the size, and every cell goes through the
 * formula-injection escape (csv-safe.ts).
 */
import Papa from "papaparse";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { matchingContacts } from "./contact-ids";
import { toCsvLine } from "./csv-safe";
import type { ContactFilter } from "./contacts.schema";
import { storedMappingSchema } from "./import.schema";
import { contactMatch } from "./query-contacts";

const PAGE = 2000;
const encoder = new TextEncoder();

/** A byte stream pulling one page at a time (back-pressure: the next page is read when the client takes it). */
function pagedCsv(header: string[], nextPage: (after: number) => Promise<{ lastId: number; lines: string[] } | null>): ReadableStream<Uint8Array> {
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsvLine(header)}\r\n`));
        return;
      }
      const page = await nextPage(after);
      if (!page) return controller.close();
      after = page.lastId;
      controller.enqueue(encoder.encode(page.lines.map((l) => `${l}\r\n`).join("")));
    },
  });
}

export async function exportContactsCsv(db: Db, sql: Sql, filter: Omit<ContactFilter, "before">, pageSize = PAGE): Promise<ReadableStream<Uint8Array>> {
  const fieldKeys = (await db.customField.findMany({ orderBy: { key: "asc" }, select: { key: true } })).map((f) => f.key);
  const match = contactMatch(filter);
  const header = ["phone", "first_name", "last_name", "country", "opted_out", "opted_out_at", "source", "created_at", ...fieldKeys];
  return pagedCsv(header, async (after) => {
    const rows = await matchingContacts(db, sql, match, { after, take: pageSize });
    if (rows.length === 0) return null;
    const lines = rows.map((c) => {
      const fields = (c.fields ?? {}) as Record<string, unknown>;
      return toCsvLine([
        c.phone,
        c.firstName,
        c.lastName,
        c.country,
        c.optedOut ? "yes" : "no",
        c.optedOutAt?.toISOString(),
        c.source,
        c.createdAt.toISOString(),
        ...fieldKeys.map((k) => (fields[k] === undefined ? "" : String(fields[k]))),
      ]);
    });
    return { lastId: rows[rows.length - 1].id, lines };
  });
}

/** The rejected rows of an import as they were read, with the row number and the reason appended. */
export async function exportRejectedRowsCsv(db: Db, importJobId: number): Promise<ReadableStream<Uint8Array>> {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: importJobId }, select: { mapping: true } });
  const parsed = storedMappingSchema.safeParse(job.mapping);
  let columns = parsed.success && parsed.data.header ? parsed.data.header : null;
  if (!columns) {
    // A file without a header: name the columns after the widest of the first rejected rows.
    const sample = await db.importRejectedRow.findMany({ where: { importJobId }, take: 100, select: { raw: true } });
    const width = Math.max(0, ...sample.map((r) => Papa.parse<string[]>(r.raw).data[0]?.length ?? 0));
    columns = Array.from({ length: width }, (_, i) => `column_${i + 1}`);
  }
  const header = [...columns, "row", "reason"];
  return pagedCsv(header, async (after) => {
    const rows = await db.importRejectedRow.findMany({ where: { importJobId, id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE });
    if (rows.length === 0) return null;
    // `raw` is already a CSV line with escaped cells.
    return { lastId: rows[rows.length - 1].id, lines: rows.map((r) => `${r.raw},${toCsvLine([r.rowNumber, r.reason])}`) };
  });
}
