/**
 * Finding contacts at a million rows: newest first with keyset paging (`id < before`), so every page costs
 * the same; a phone search is a range on the unique phone index and a name search a prefix match.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import type { ContactFilter } from "./contacts.schema";

export const PAGE_SIZE = 50;

function searchWhere(q: string): Prisma.ContactWhereInput {
  const digits = q.replace(/[\s().\-]/g, "");
  if (/^\+?\d{3,}$/.test(digits)) {
    // A prefix of the E.164 number: with or without +, e.g. "+3361" or "3361".
    const prefix = `+${digits.replace(/^\+/, "")}`;
    return { phone: { gte: prefix, lt: `${prefix}:` } };
  }
  // SQLite's LIKE ignores ASCII case, PostgreSQL's does not: also try the capitalised form there.
  const variants = [...new Set([q, q[0].toUpperCase() + q.slice(1)])];
  return { OR: variants.flatMap((v) => [{ firstName: { startsWith: v } }, { lastName: { startsWith: v } }]) };
}

export function contactWhere(filter: Omit<ContactFilter, "before">): Prisma.ContactWhereInput {
  const and: Prisma.ContactWhereInput[] = [];
  if (filter.q) and.push(searchWhere(filter.q));
  if (filter.listId) and.push({ memberships: { some: { listId: filter.listId } } });
  if (filter.optedOut) and.push({ optedOut: filter.optedOut === "yes" });
  if (filter.country) and.push({ country: filter.country });
  return and.length > 0 ? { AND: and } : {};
}

export async function searchContacts(db: Db, filter: ContactFilter, take = PAGE_SIZE) {
  const rows = await db.contact.findMany({
    where: { ...contactWhere(filter), ...(filter.before ? { id: { lt: filter.before } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, phone: true, firstName: true, lastName: true, country: true, optedOut: true, createdAt: true },
  });
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
  const contact = await db.contact.findUnique({ where: { id }, include: { memberships: { select: { listId: true } } } });
  if (!contact) return null;
  const { memberships, ...rest } = contact;
  const lists = await db.contactList.findMany({ where: { id: { in: memberships.map((m) => m.listId) } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { ...rest, lists };
}

/** The contact's messages, newest first (the campaign engine writes them). */
export function contactMessages(db: Db, contactId: number, take = 50) {
  return db.message.findMany({
    where: { contactId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, text: true, state: true, createdAt: true, sentAt: true, finalAt: true, campaign: { select: { id: true, name: true } } },
  });
}
