/**
 * CSV cells that a spreadsheet will never execute. A cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return can be read as a formula (CSV injection); we prefix it with `'`, which spreadsheets show
 * as text. A cell that is exactly an E.164 number (`+` and digits) stays as is: it cannot execute, and
 * phone numbers are what our files are about. Import strips the apostrophe again (`unescapeCell`).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const E164 = /^\+\d+$/;

export function escapeCell(value: string): string {
  if (FORMULA_START.test(value) && !E164.test(value)) return `'${value}`;
  return value;
}

/** Undoes `escapeCell`: an apostrophe is removed only where `escapeCell` would have put it. */
export function unescapeCell(value: string): string {
  if (value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1))) return value.slice(1);
  return value;
}

const NEEDS_QUOTES = /[",\r\n;\t]/;

/** One CSV line (no line break), each cell escaped against formulas, then quoted where needed. */
export function toCsvLine(cells: readonly (string | number | boolean | null | undefined)[], delimiter = ","): string {
  return cells
    .map((cell) => {
      const text = escapeCell(cell === null || cell === undefined ? "" : String(cell));
      return NEEDS_QUOTES.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
}
