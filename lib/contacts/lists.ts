/** Contact lists: create, rename, delete (the contacts stay), membership changes and counts. Each change is audited. */
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";

function duplicateName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new UserError("A list with this name already exists.", 409, { name: "A list with this name already exists." });
  }
  throw error;
}

export async function createList(db: Db, userId: number | null, input: { name: string; description?: string | null }) {
  try {
    return await db.$transaction(async (tx) => {
      const list = await tx.contactList.create({ data: { name: input.name, description: input.description || null }, select: { id: true, name: true } });
      await audit(tx, { action: "list.create", userId, targetType: "list", targetId: list.id, details: { name: list.name } });
      return list;
    });
  } catch (error) {
    duplicateName(error);
  }
}

export async function renameList(db: Db, userId: number | null, listId: number, name: string) {
  try {
    await db.$transaction(async (tx) => {
      const list = await tx.contactList.findUnique({ where: { id: listId } });
      if (!list) throw new NotFoundError("The list");
      await tx.contactList.update({ where: { id: listId }, data: { name } });
      await audit(tx, { action: "list.rename", userId, targetType: "list", targetId: listId, details: { from: list.name, to: name } });
    });
  } catch (error) {
    duplicateName(error);
  }
}

/**
 * Locks `listIds` until the transaction ends and tells whether they all exist. A membership has no foreign key
 * to its list (schema.prisma, ListMembership): every writer of memberships holds its lists first, so a list
 * being deleted waits for it, or it sees the list gone.
 */
export async function holdLists(tx: Prisma.TransactionClient, listIds: readonly number[]): Promise<boolean> {
  const unique = [...new Set(listIds)];
  const { count } = await tx.contactList.updateMany({ where: { id: { in: unique } }, data: { updatedAt: new Date() } });
  return count === unique.length;
}

/**
 * Locks the contacts of `contactIds` that exist until the transaction ends (marking them updated) and returns
 * their ids: a membership has no foreign key to its contact either, and `deleteContacts` deletes memberships
 * after the contacts, which waits for this transaction.
 */
export async function holdContacts(tx: Prisma.TransactionClient, contactIds: readonly number[]): Promise<number[]> {
  const held = await tx.contact.updateManyAndReturn({ where: { id: { in: [...contactIds] } }, data: { updatedAt: new Date() }, select: { id: true } });
  return held.map((c) => c.id);
}

/** Member counts of `listIds` (all lists when omitted); a list without members is absent. */
export async function memberCounts(db: Db, listIds?: readonly number[]): Promise<Map<number, number>> {
  const counts = await db.listMembership.groupBy({ by: ["listId"], where: listIds ? { listId: { in: [...listIds] } } : {}, _count: { _all: true } });
  return new Map(counts.map((c) => [c.listId, c._count._all]));
}

/**
 * Deletes the list, then its memberships; the contacts themselves stay. Deleting the list first waits for
 * any writer holding it (`holdLists`, an import's chunk), so the memberships it committed are deleted too.
 * A list that a campaign not yet launched (scheduled, or paused or starting before its launch) sends to or
 * excludes is refused: the campaign would silently lose it, and with an exclusion list, send to the very
 * people it was meant to leave out.
 */
export async function deleteList(db: Db, userId: number | null, listId: number) {
  await db.$transaction(async (tx) => {
    const list = await tx.contactList.findUnique({ where: { id: listId } });
    if (!list) throw new NotFoundError("The list");
    const waiting = await tx.campaign.findFirst({
      where: { launchedAt: null, status: { in: ["scheduled", "sending", "paused"] }, lists: { some: { listId } } },
      select: { name: true, lists: { where: { listId }, select: { exclude: true } } },
    });
    if (waiting) {
      const use = waiting.lists[0]?.exclude ? "excludes" : "sends to";
      throw new UserError(`Campaign "${waiting.name}" ${use} this list and has not started yet: cancel the campaign first, then delete the list.`, 409);
    }
    await tx.contactList.delete({ where: { id: listId } });
    await tx.listMembership.deleteMany({ where: { listId } });
    await audit(tx, { action: "list.delete", userId, targetType: "list", targetId: listId, details: { name: list.name } });
  });
}

/** All lists with their member counts, by name. */
export async function listsWithCounts(db: Db) {
  const [lists, counts] = await Promise.all([
    db.contactList.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, description: true, createdAt: true } }),
    memberCounts(db),
  ]);
  return lists.map((list) => ({ ...list, contactCount: counts.get(list.id) ?? 0 }));
}

/** Adds contacts to a list (already-members are skipped); returns how many were added. */
export async function addToList(db: Db, userId: number | null, listId: number, contactIds: number[]) {
  return db.$transaction(async (tx) => {
    if (!(await holdLists(tx, [listId]))) throw new NotFoundError("The list");
    const existing = await tx.listMembership.findMany({ where: { listId, contactId: { in: contactIds } }, select: { contactId: true } });
    const have = new Set(existing.map((m) => m.contactId));
    const added = await holdContacts(tx, contactIds.filter((id) => !have.has(id)));
    if (added.length > 0) await tx.listMembership.createMany({ data: added.map((contactId) => ({ listId, contactId })) });
    await audit(tx, { action: "list.add_contacts", userId, targetType: "list", targetId: listId, details: { count: added.length } });
    return added.length;
  });
}

export async function removeFromList(db: Db, userId: number | null, listId: number, contactIds: number[]) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.listMembership.deleteMany({ where: { listId, contactId: { in: contactIds } } });
    await audit(tx, { action: "list.remove_contacts", userId, targetType: "list", targetId: listId, details: { count } });
    return count;
  });
}
