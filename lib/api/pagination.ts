/**
 * Cursor pagination, newest first. The cursor is opaque to clients (base64url of the last id seen), so
 * pages stay stable while new rows arrive: a page never repeats or skips a row that existed when the
 * first page was read.
 */
import { z } from "zod";
import { ApiProblem } from "./problems";

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200, default 50)."),
  cursor: z.string().optional().describe("`nextCursor` of the previous page."),
});

/** `{ data, nextCursor }` for items of `item`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });
}

/** The id below which the page starts, or undefined for the first page. */
export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new ApiProblem("validation-failed", "The cursor is not one this API returned.", { errors: [{ in: "query", pointer: "/cursor", message: "Use the nextCursor of a previous page." }] });
  }
  return id;
}

/** Turns `limit + 1` rows read into a page: the extra row only says whether another page exists. */
export function toPage<Row extends { id: number }, T>(rows: Row[], limit: number, present: (row: Row) => T): { data: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { data: shown.map(present), nextCursor: more && last ? Buffer.from(String(last.id)).toString("base64url") : null };
}
