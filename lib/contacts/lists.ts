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

/** Deletes the list and its memberships; the contacts themselves stay. */
export async function deleteList(db: Db, userId: number | null, listId: number) {
  await db.$transaction(async (tx) => {
    const list = await tx.contactList.findUnique({ where: { id: listId } });
    if (!list) throw new NotFoundError("The list");
    await tx.contactList.delete({ where: { id: listId } });
    await audit(tx, { action: "list.delete", userId, targetType: "list", targetId: listId, details: { name: list.name } });
  });
}

/** All lists with their member counts, by name. */
export async function listsWithCounts(db: Db) {
  const [lists, counts] = await Promise.all([
    db.contactList.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, description: true, createdAt: true } }),
    db.listMembership.groupBy({ by: ["listId"], _count: { _all: true } }),
  ]);
  const byList = new Map(counts.map((c) => [c.listId, c._count._all]));
  return lists.map((list) => ({ ...list, contactCount: byList.get(list.id) ?? 0 }));
}

/** Adds contacts to a list (already-members are skipped); returns how many were added. */
export async function addToList(db: Db, userId: number | null, listId: number, contactIds: number[]) {
  return db.$transaction(async (tx) => {
    if (!(await tx.contactList.findUnique({ where: { id: listId }, select: { id: true } }))) throw new NotFoundError("The list");
    const existing = await tx.listMembership.findMany({ where: { listId, contactId: { in: contactIds } }, select: { contactId: true } });
    const have = new Set(existing.map((m) => m.contactId));
    const contacts = await tx.contact.findMany({ where: { id: { in: contactIds.filter((id) => !have.has(id)) } }, select: { id: true } });
    if (contacts.length > 0) await tx.listMembership.createMany({ data: contacts.map((c) => ({ listId, contactId: c.id })) });
    await audit(tx, { action: "list.add_contacts", userId, targetType: "list", targetId: listId, details: { count: contacts.length } });
    return contacts.length;
  });
}

export async function removeFromList(db: Db, userId: number | null, listId: number, contactIds: number[]) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.listMembership.deleteMany({ where: { listId, contactId: { in: contactIds } } });
    await audit(tx, { action: "list.remove_contacts", userId, targetType: "list", targetId: listId, details: { count } });
    return count;
  });
}
