/**
 * Contacts sent as JSON rows go through the same import job as a CSV file (lib/contacts): the same phone
 * normalisation, duplicate and opt-out rules, one transaction per chunk, and a report. A row that cannot be
 * imported is reported by its index and loses nothing already stored; it does not fail the request.
 */
import { z } from "zod";
import { fieldKeySchema } from "@/lib/contacts/import-mapping";
import { finishImport, getImportReport, processImportChunk, startImport } from "@/lib/contacts/import-job";
import { CHUNK_ROWS } from "@/lib/contacts/import.schema";
import type { Db } from "@/lib/db/client";
import type { RawDb } from "@/lib/db/raw";
import { countryCode } from "../common.schema";

export const importRowSchema = z.object({
  phone: z.string().min(1, "Give the phone number.").max(40),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  fields: z.record(fieldKeySchema, z.string().max(500)).optional().describe("Custom fields; unknown ones are created."),
  optedOut: z.boolean().optional().describe("true opts the contact out; false or absent leaves their opt-out as it is."),
});

export const importRowsBodySchema = z.object({
  rows: z.array(importRowSchema).min(1, "Send at least one row.").max(CHUNK_ROWS * 2),
  listId: z.number().int().positive().optional().describe("Add every imported contact to this list."),
  defaultCountry: countryCode.optional(),
});
export type ImportRowsBody = z.infer<typeof importRowsBodySchema>;

export const importResultSchema = z.object({
  importId: z.number().int(),
  listId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int().describe("Rows whose number appeared earlier in the same request (the first one wins)."),
  rejected: z.number().int(),
  rejectedRows: z.array(z.object({ index: z.number().int().describe("Position in `rows`, from 0."), reason: z.string() })),
});

const FIXED_COLUMNS = 4; // phone, first name, last name, opt-out

export async function importRows(db: Db, raw: RawDb, body: ImportRowsBody): Promise<z.infer<typeof importResultSchema>> {
  const keys = [...new Set(body.rows.flatMap((row) => Object.keys(row.fields ?? {})))];
  const job = await startImport(db, null, {
    fileName: "api-rows.json",
    hasHeader: false,
    header: null,
    defaultCountry: body.defaultCountry ?? null,
    mapping: { phone: 0, firstName: 1, lastName: 2, optOut: 3, fields: keys.map((key, i) => ({ column: FIXED_COLUMNS + i, key })) },
    newFields: keys.map((key) => ({ key, label: key })),
    list: body.listId ? { kind: "existing", id: body.listId } : { kind: "none" },
  });
  const cells = body.rows.map((row) => [row.phone, row.firstName ?? "", row.lastName ?? "", row.optedOut ? "yes" : "", ...keys.map((key) => row.fields?.[key] ?? "")]);
  for (let start = 0, chunkIndex = 0; start < cells.length; start += CHUNK_ROWS, chunkIndex++) {
    // Row numbers start at 1, as in a file without a header: index = rowNumber - 1.
    await processImportChunk(db, raw, job.id, { chunkIndex, firstRowNumber: start + 1, rows: cells.slice(start, start + CHUNK_ROWS), malformed: [] });
  }
  await finishImport(db, job.id, null);
  const report = await getImportReport(db, job.id);
  const rejectedRows = await db.importRejectedRow.findMany({ where: { importJobId: job.id }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, reason: true } });
  return {
    importId: job.id,
    listId: job.listId,
    rowsRead: report.rowsRead,
    created: report.created,
    updated: report.updated,
    duplicates: report.duplicates,
    rejected: report.rejected,
    rejectedRows: rejectedRows.map((r) => ({ index: r.rowNumber - 1, reason: r.reason })),
  };
}
