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

const COLUMNS = `c."id", c."phone", c."firstName", c."lastName", c."country", c."fields", c."optedOut"`;

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * The condition selecting the audience's contacts (alias `c`) and its parameters, or null for an empty
 * audience. Shared by the launch's pages and the composer's counts, so both read the same people.
 */
export function audienceCondition(audience: Audience): { where: string; params: number[] } | null {
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
