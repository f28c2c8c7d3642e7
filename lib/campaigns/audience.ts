/**
 * Reads a campaign's audience in pages of contacts ordered by id: members of any audience list, minus
 * members of any exclusion list, plus the explicit recipients. Keyset paging keeps memory flat whatever
 * the audience size.
 */
import type { Sql } from "@/lib/db/sql";

export interface AudienceContact {
  id: number;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  fields: string | Record<string, unknown> | null;
  optedOut: boolean | number;
}

export interface Audience {
  listIds: number[];
  excludeListIds: number[];
  /** Contact ids of explicit recipients (already matched or created). */
  contactIds: number[];
}

/** Which contacts (aliased `c`) an audience selects, as a condition and its parameters. */
export interface AudienceCondition {
  where: string;
  params: number[];
}

const COLUMNS = `c."id", c."phone", c."firstName", c."lastName", c."country", c."fields", c."optedOut"`;

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * The condition selecting the audience's contacts (alias `c`) and its parameters, or null for an empty
 * audience. Shared by the launch's pages and the composer's counts, so both read the same people.
 */
export function audienceCondition(audience: Audience): AudienceCondition | null {
  const include: string[] = [];
  const params: number[] = [];
  if (audience.listIds.length > 0) {
    include.push(`EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."contactId" = c."id" AND m."listId" IN (${placeholders(audience.listIds.length)}))`);
    params.push(...audience.listIds);
  }
  if (audience.contactIds.length > 0) {
    // Explicit recipients are few (a typed list or one API call); the audience lists carry the millions.
    include.push(`c."id" IN (${placeholders(audience.contactIds.length)})`);
    params.push(...audience.contactIds);
  }
  if (include.length === 0) return null;
  let exclude = "";
  if (audience.excludeListIds.length > 0) {
    exclude = ` AND NOT EXISTS (SELECT 1 FROM "ListMembership" x WHERE x."contactId" = c."id" AND x."listId" IN (${placeholders(audience.excludeListIds.length)}))`;
    params.push(...audience.excludeListIds);
  }
  return { where: `(${include.join(" OR ")})${exclude}`, params };
}

/**
 * The last contact id of each full page of `pageSize` audience contacts in id order, found in one scan, so
 * the launch can write pages by id range (the contacts after the last full page make the last page).
 * Asking for each page's end with `ORDER BY id LIMIT n` let PostgreSQL, without statistics on a list just
 * imported, read the whole list for every page: for a million contacts, 20 such reads cost more than
 * writing the messages.
 */
export async function audiencePageEnds(sql: Sql, condition: AudienceCondition, pageSize: number): Promise<number[]> {
  const rows = await sql.all<{ id: number | string }>(
    `SELECT "id" FROM (SELECT c."id", ROW_NUMBER() OVER (ORDER BY c."id") AS n FROM "Contact" c WHERE ${condition.where}) AS audience WHERE n % ? = 0 ORDER BY "id"`,
    [...condition.params, pageSize],
  );
  return rows.map((row) => Number(row.id));
}

/** The id range (`afterId`, `lastId`] as a condition on contacts aliased `c`; `lastId` null: no upper end. */
export function idRange(afterId: number, lastId: number | null): AudienceCondition {
  return lastId === null ? { where: `c."id" > ?`, params: [afterId] } : { where: `c."id" > ? AND c."id" <= ?`, params: [afterId, lastId] };
}

/** The audience's contacts in an id range (`idRange`), in id order. */
export async function readAudienceRange(sql: Sql, condition: AudienceCondition, range: AudienceCondition): Promise<AudienceContact[]> {
  return sql.all<AudienceContact>(`SELECT ${COLUMNS} FROM "Contact" c WHERE ${range.where} AND ${condition.where} ORDER BY c."id"`, [...range.params, ...condition.params]);
}

/** One page of the audience after contact id `afterId`. */
export async function readAudiencePage(sql: Sql, audience: Audience, afterId: number, limit: number): Promise<AudienceContact[]> {
  const condition = audienceCondition(audience);
  if (!condition) return [];
  return sql.all<AudienceContact>(
    `SELECT ${COLUMNS} FROM "Contact" c WHERE c."id" > ? AND ${condition.where} ORDER BY c."id" LIMIT ?`,
    [afterId, ...condition.params, limit],
  );
}

/** Matches explicit E.164 recipients to contacts, creating the missing ones; returns their ids. */
export async function contactsForNumbers(sql: Sql, numbers: string[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    await sql.run(
      `INSERT INTO "Contact" ("phone", "fields", "source", "createdAt", "updatedAt") VALUES ${chunk.map(() => `(?, '{}', 'campaign', ?, ?)`).join(", ")} ON CONFLICT ("phone") DO NOTHING`,
      chunk.flatMap((phone) => [phone, now, now]),
    );
    const rows = await sql.all<{ id: number }>(`SELECT "id" FROM "Contact" WHERE "phone" IN (${placeholders(chunk.length)})`, chunk);
    ids.push(...rows.map((r) => Number(r.id)));
  }
  return ids;
}
