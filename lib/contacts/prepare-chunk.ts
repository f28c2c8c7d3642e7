/**
 * Turns one chunk of CSV records into contacts to write, rejected rows with their reasons, and a count of
 * numbers repeated inside the chunk. Pure and CPU-bound (phone normalisation dominates), so the bulk importer
 * can run it in worker threads; the chunk writer then applies the result in one transaction.
 */
import { normalizePhone } from "@/lib/sms/normalize-phone";
import { toCsvLine, unescapeCell } from "./csv-safe";
import type { ColumnMapping } from "./import-mapping";

export const NAME_MAX = 100;
export const FIELD_VALUE_MAX = 500;

export interface PreparedContact {
  rowNumber: number;
  phone: string;
  country: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Custom field values found in the row (empty cells left out, so they never erase stored values). */
  fields: Record<string, string> | null;
  optOut: boolean;
}

export interface RejectedRow {
  rowNumber: number;
  /** The row as read, re-serialised as one CSV line (formula-escaped, so it re-imports as it was). */
  raw: string;
  reason: string;
}

export interface PreparedChunk {
  /** Non-blank records in the chunk. */
  rowsRead: number;
  contacts: PreparedContact[];
  rejected: RejectedRow[];
  /** Records whose number already appeared earlier in the same chunk (the first one wins). */
  duplicates: number;
}

export interface ChunkPlan {
  mapping: ColumnMapping;
  defaultCountry: string | null;
}

const OPT_OUT_YES = new Set(["yes", "y", "true", "1", "x", "opted out", "opted-out", "optout", "opt-out", "stop", "unsubscribed", "oui", "si", "sí", "ja"]);
const OPT_OUT_NO = new Set(["", "no", "n", "false", "0", "subscribed", "opted in", "non", "nein"]);

function cell(row: string[], column: number | null): string {
  if (column === null) return "";
  return unescapeCell((row[column] ?? "").trim()).trim();
}

function isBlank(row: string[]): boolean {
  return row.every((c) => c.trim() === "");
}

/** Validates the row's non-phone cells; returns the reason for rejecting it, or the values. */
function readValues(row: string[], plan: ChunkPlan): { error: string } | { firstName: string | null; lastName: string | null; fields: Record<string, string> | null; optOut: boolean } {
  const { mapping } = plan;
  const firstName = cell(row, mapping.firstName);
  const lastName = cell(row, mapping.lastName);
  if (firstName.length > NAME_MAX) return { error: `First name is longer than ${NAME_MAX} characters` };
  if (lastName.length > NAME_MAX) return { error: `Last name is longer than ${NAME_MAX} characters` };
  const optOutText = cell(row, mapping.optOut).toLowerCase();
  let optOut = false;
  if (OPT_OUT_YES.has(optOutText)) optOut = true;
  else if (!OPT_OUT_NO.has(optOutText)) return { error: `Opt-out value "${optOutText.slice(0, 40)}" not understood (use yes or no)` };
  let fields: Record<string, string> | null = null;
  for (const { column, key } of mapping.fields) {
    const value = cell(row, column);
    if (value === "") continue;
    if (value.length > FIELD_VALUE_MAX) return { error: `Field "${key}" is longer than ${FIELD_VALUE_MAX} characters` };
    (fields ??= {})[key] = value;
  }
  return { firstName: firstName || null, lastName: lastName || null, fields, optOut };
}

/**
 * `firstRowNumber` is the file row number of `rows[0]` (1 = the file's first line, so with a header the
 * first data row is 2), and `malformed` lists indexes into `rows` the CSV parser flagged.
 */
export function prepareChunk(rows: string[][], firstRowNumber: number, plan: ChunkPlan, malformed: readonly number[] = []): PreparedChunk {
  const result: PreparedChunk = { rowsRead: 0, contacts: [], rejected: [], duplicates: 0 };
  const seen = new Set<string>();
  const bad = new Set(malformed);
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    result.rowsRead++;
    const rowNumber = firstRowNumber + index;
    const rejectRow = (reason: string) => result.rejected.push({ rowNumber, raw: toCsvLine(row), reason });
    if (bad.has(index)) return rejectRow("Malformed CSV row (unbalanced quotes)");
    const phone = normalizePhone(cell(row, plan.mapping.phone), plan.defaultCountry);
    if (!phone.ok) return rejectRow(`Phone: ${phone.message}`);
    const values = readValues(row, plan);
    if ("error" in values) return rejectRow(values.error);
    if (seen.has(phone.e164)) {
      result.duplicates++;
      return;
    }
    seen.add(phone.e164);
    result.contacts.push({ rowNumber, phone: phone.e164, country: phone.country, ...values });
  });
  return result;
}
