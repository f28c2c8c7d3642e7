/**
 * The contacts matching a filter, one keyset page at a time. Their ids come from raw SQL, because the list
 * filter is an EXISTS over ListMembership, which has no relation Prisma could filter through (its foreign
 * keys cost an import too much: schema.prisma); the rows from Prisma.
 *
 * Searches stay cheap at a million contacts: a phone search is a range on the unique phone index and a name
 * search a prefix match.
 */
import type { ContactModel, Db } from "@/lib/db/client";
import type { Sql, SqlParam } from "@/lib/db/sql";

export interface ContactMatch {
  /** A phone prefix (digits, with or without "+") or the start of a first or last name. */
  q?: string;
  /** The contact with exactly this number (E.164). */
  phone?: string;
  listId?: number;
  optedOut?: boolean;
  country?: string;
}

/** Newest first below `before`, or oldest first above `after`. */
export type IdPage = { before?: number; take: number } | { after: number; take: number };

/** LIKE treats `%` and `_` as wildcards: a search for them means the characters themselves. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchCondition(q: string, params: SqlParam[]): string {
  const digits = q.replace(/[\s().\-]/g, "");
  if (/^\+?\d{3,}$/.test(digits)) {
    // A prefix of the E.164 number: with or without +, e.g. "+3361" or "3361".
    const prefix = `+${digits.replace(/^\+/, "")}`;
    params.push(prefix, `${prefix}:`);
    return `c."phone" >= ? AND c."phone" < ?`;
  }
  // SQLite's LIKE ignores ASCII case, PostgreSQL's does not: also try the capitalised form there.
  const variants = [...new Set([q, q[0].toUpperCase() + q.slice(1)])];
  const names = variants.flatMap((v) => {
    params.push(likePrefix(v), likePrefix(v));
    return [`c."firstName" LIKE ? ESCAPE '\\'`, `c."lastName" LIKE ? ESCAPE '\\'`];
  });
  return `(${names.join(" OR ")})`;
}

/** The conditions on contact `c` as SQL, their values appended to `params`. */
function conditions(match: ContactMatch, page: IdPage, params: SqlParam[]): string[] {
  const and: string[] = [];
  const add = (condition: string, value: SqlParam) => {
    and.push(condition);
    params.push(value);
  };
  if (match.q) and.push(searchCondition(match.q, params));
  if (match.phone !== undefined) add(`c."phone" = ?`, match.phone);
  if (match.listId !== undefined) add(`EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."contactId" = c."id" AND m."listId" = ?)`, match.listId);
  if (match.optedOut !== undefined) add(`c."optedOut" = ?`, match.optedOut);
  if (match.country !== undefined) add(`c."country" = ?`, match.country);
  if ("after" in page) add(`c."id" > ?`, page.after);
  else if (page.before !== undefined) add(`c."id" < ?`, page.before);
  return and;
}

async function matchingContactIds(sql: Sql, match: ContactMatch, page: IdPage): Promise<number[]> {
  const params: SqlParam[] = [];
  const and = conditions(match, page, params);
  const where = and.length > 0 ? ` WHERE ${and.join(" AND ")}` : "";
  const order = "after" in page ? "ASC" : "DESC";
  const rows = await sql.all<{ id: number | string }>(`SELECT c."id" FROM "Contact" c${where} ORDER BY c."id" ${order} LIMIT ?`, [...params, page.take]);
  return rows.map((r) => Number(r.id));
}

/** The page of contacts matching `match`, in the page's order (Prisma's `id: { in }` returns its own). */
export async function matchingContacts(db: Db, sql: Sql, match: ContactMatch, page: IdPage): Promise<ContactModel[]> {
  const ids = await matchingContactIds(sql, match, page);
  if (ids.length === 0) return [];
  const byId = new Map((await db.contact.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
