/**
 * Creating and renaming contact lists, for the API. Thin Prisma functions kept here until lib/contacts
 * offers its own; audited in the change's transaction.
 */
import { type Actor, actorFields, audit } from "@/lib/audit/audit";
import { type Db, Prisma } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";

export interface ListInput {
  name?: string;
  description?: string | null;
}

const NAME_TAKEN = new UserError("A list with this name already exists.", 409, { name: "A list with this name already exists." });

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createList(db: Db, actor: Actor, input: { name: string; description?: string | null }) {
  try {
    return await db.$transaction(async (tx) => {
      const list = await tx.contactList.create({ data: { name: input.name, description: input.description ?? null } });
      await audit(tx, { action: "list.create", ...actorFields(actor), targetType: "list", targetId: list.id, details: { name: list.name } });
      return list;
    });
  } catch (error) {
    if (nameTaken(error)) throw NAME_TAKEN;
    throw error;
  }
}

export async function updateList(db: Db, actor: Actor, listId: number, input: ListInput) {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.contactList.findUnique({ where: { id: listId }, select: { name: true } });
      if (!current) throw new NotFoundError("The list");
      const list = await tx.contactList.update({ where: { id: listId }, data: { name: input.name, description: input.description } });
      await audit(tx, { action: "list.update", ...actorFields(actor), targetType: "list", targetId: listId, details: { from: current.name, to: list.name } });
      return list;
    });
  } catch (error) {
    if (nameTaken(error)) throw NAME_TAKEN;
    throw error;
  }
}
