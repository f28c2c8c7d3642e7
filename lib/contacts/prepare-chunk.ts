/**
 * Turns one chunk of CSV records into contacts to write, rejected rows with their reasons, and a count of
 * numbers repeated inside the chunk. Pure and CPU-bound, so the file importer runs it in a worker thread;
 * the chunk writer then applies the result in one transaction.
 */
import { normalizePhone } from "@/lib/sms/normalize-phone";
import { type RowFormat, serializeContactRows } from "./contact-rows";
import { toCsvLine, unescapeCell } from "./csv-safe";
import type { ColumnMapping } from "./import-mapping";

export const NAME_MAX = 100;
export const FIELD_VALUE_MAX = 500;

/**
 * One contact to write, as a JSON array: `[phone (E.164), firstName, lastName, fields, country, optOut]`.
 * `fields` holds the custom field values found in the row (empty cells left out, so they never erase stored
 * values), or null; `optOut` is 1 when the row opts the number out, else 0.
 */
export type ContactRow = [phone: string, firstName: string | null, lastName: string | null, fields: Record<string, string> | null, country: string | null, optOut: 0 | 1];

export interface RejectedRow {
  rowNumber: number;
  /** The row as read, re-serialised as one CSV line (formula-escaped, so it re-imports as it was). */
  raw: string;
  reason: string;
}

export interface PreparedChunk {
  /** Non-blank records in the chunk. */
  rowsRead: number;
  /** How many rows `contacts` holds. */
  contactCount: number;
  /**
   * The chunk's contacts, one string per prepared part (phones unique across them) in the plan's
   * `rowFormat` (see contact-rows.ts): strings cross threads in one copy each.
   */
  contacts: string[];
  /** Rows in `contacts` that opt their number out. */
  optOuts: number;
  rejected: RejectedRow[];
  /** Records whose number already appeared earlier in the same chunk (the first one wins). */
  duplicates: number;
}

export interface ChunkPlan {
  mapping: ColumnMapping;
  defaultCountry: string | null;
  /** How `contacts` is serialised: the form the target database reads fastest. */
  rowFormat: RowFormat;
}

const OPT_OUT_YES = new Set(["yes", "y", "true", "1", "x", "opted out", "opted-out", "optout", "opt-out", "stop", "unsubscribed", "oui", "si", "sí", "ja"]);
const OPT_OUT_NO = new Set(["", "no", "n", "false", "0", "subscribed", "opted in", "non", "nein"]);

function cell(row: string[], column: number | null): string {
  if (column === null) return "";
  const value = row[column];
  if (value === undefined || value === "") return "";
  const trimmed = value.trim();
  // Only a leading apostrophe can be a formula escape; most cells skip the check.
  return trimmed.charCodeAt(0) === 39 ? unescapeCell(trimmed).trim() : trimmed;
}

function isBlank(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i] !== "" && row[i].trim() !== "") return false;
  return true;
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
 * first data row is 2), and `malformed` lists indexes into `rows` the CSV parser flagged. `seen` holds the
 * numbers already taken by earlier parts of the same chunk, when one chunk is prepared in several parts.
 */
export function prepareChunk(rows: string[][], firstRowNumber: number, plan: ChunkPlan, malformed: readonly number[] = [], seen = new Set<string>()): PreparedChunk {
  let rowsRead = 0;
  let duplicates = 0;
  let optOuts = 0;
  const contacts: ContactRow[] = [];
  const rejected: RejectedRow[] = [];
  const bad = new Set(malformed);
  const reject = (row: string[], rowNumber: number, reason: string) => rejected.push({ rowNumber, raw: toCsvLine(row), reason });
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (isBlank(row)) continue;
    rowsRead++;
    const rowNumber = firstRowNumber + index;
    if (bad.size > 0 && bad.has(index)) {
      reject(row, rowNumber, "Malformed CSV row (unbalanced quotes)");
      continue;
    }
    const phone = normalizePhone(cell(row, plan.mapping.phone), plan.defaultCountry);
    if (!phone.ok) {
      reject(row, rowNumber, `Phone: ${phone.message}`);
      continue;
    }
    const values = readValues(row, plan);
    if ("error" in values) {
      reject(row, rowNumber, values.error);
      continue;
    }
    if (seen.has(phone.e164)) {
      duplicates++;
      continue;
    }
    seen.add(phone.e164);
    if (values.optOut) optOuts++;
    contacts.push([phone.e164, values.firstName, values.lastName, values.fields, phone.country, values.optOut ? 1 : 0]);
  }
  return { rowsRead, contactCount: contacts.length, contacts: contacts.length > 0 ? [serializeContactRows(contacts, plan.rowFormat)] : [], optOuts, rejected, duplicates };
}

/**
 * Joins parts prepared one after the other (sharing one `seen` set, so no number repeats) into one chunk:
 * the worker parses a big chunk in small parts, so it never holds the records of the whole chunk at once.
 */
export function joinPreparedParts(parts: readonly PreparedChunk[]): PreparedChunk {
  if (parts.length === 1) return parts[0];
  return {
    rowsRead: parts.reduce((n, p) => n + p.rowsRead, 0),
    contactCount: parts.reduce((n, p) => n + p.contactCount, 0),
    contacts: parts.flatMap((p) => p.contacts),
    optOuts: parts.reduce((n, p) => n + p.optOuts, 0),
    rejected: parts.flatMap((p) => p.rejected),
    duplicates: parts.reduce((n, p) => n + p.duplicates, 0),
  };
}
