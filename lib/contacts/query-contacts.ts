/**
 * Finding contacts at a million rows: newest first with keyset paging (`id < before`), so every page costs
 * the same. The matching ids come from raw SQL (contact-ids.ts), the rows from Prisma.
 */
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { type ContactMatch, matchingContacts } from "./contact-ids";
import type { ContactFilter } from "./contacts.schema";

export const PAGE_SIZE = 50;

/** The page's filter as a match. */
export function contactMatch(filter: Omit<ContactFilter, "before">): ContactMatch {
  return { q: filter.q, listId: filter.listId, optedOut: filter.optedOut === undefined ? undefined : filter.optedOut === "yes", country: filter.country };
}

export async function searchContacts(db: Db, sql: Sql, filter: ContactFilter, take = PAGE_SIZE) {
  const rows = await matchingContacts(db, sql, contactMatch(filter), { before: filter.before, take: take + 1 });
  const more = rows.length > take;
  const contacts = more ? rows.slice(0, take) : rows;
  return { contacts, nextBefore: more ? contacts[contacts.length - 1].id : null };
}

/** Countries present among contacts, for the filter: a GROUP BY the country index answers (Prisma's `distinct` would read every row). */
export async function contactCountries(db: Db): Promise<string[]> {
  const rows = await db.contact.groupBy({ by: ["country"], where: { country: { not: null } }, orderBy: { country: "asc" } });
  return rows.map((r) => r.country).filter((c): c is string => Boolean(c));
}

/** The contact with the lists it is in, by name. */
export async function getContact(db: Db, id: number) {
  const [contact, memberships] = await Promise.all([db.contact.findUnique({ where: { id } }), db.listMembership.findMany({ where: { contactId: id }, select: { listId: true } })]);
  if (!contact) return null;
  const lists = await db.contactList.findMany({ where: { id: { in: memberships.map((m) => m.listId) } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { ...contact, lists };
}

/** The contact's messages, newest first (the campaign engine writes them), each with its campaign's id and name. */
export async function contactMessages(db: Db, contactId: number, take = 50) {
  const messages = await db.message.findMany({
    where: { contactId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, text: true, state: true, createdAt: true, sentAt: true, finalAt: true, campaignId: true },
  });
  // Message has no relation to Campaign (schema.prisma says why): the names are read in one query.
  const campaigns = await db.campaign.findMany({ where: { id: { in: [...new Set(messages.map((m) => m.campaignId))] } }, select: { id: true, name: true } });
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return messages.map(({ campaignId, ...m }) => ({ ...m, campaign: byId.get(campaignId) ?? { id: campaignId, name: `Campaign ${campaignId}` } }));
}
