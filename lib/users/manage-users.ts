/** Creating users and changing their role or access; each change is audited in its own transaction. */
import type { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Db, Role } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import type { createUserSchema } from "./users.schema";

export type NewUser = z.infer<typeof createUserSchema>;

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, active: true, timezone: true, lastSignInAt: true, createdAt: true },
  });
}

export async function createUser(db: Db, actorId: number | null, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name || null, role: input.role, passwordHash, timezone: input.timezone },
        select: { id: true, email: true, role: true },
      });
      await audit(tx, { action: "user.create", userId: actorId, targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("A user with this email already exists.", 409, { email: "A user with this email already exists." });
    }
    throw error;
  }
}

/** Refuses a change that would leave no active admin to manage the product. */
async function assertAnotherActiveAdmin(tx: Pick<Db, "user">, userId: number) {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new UserError("This is the last active admin; make another user admin first.", 409);
}

export async function changeRole(db: Db, actorId: number, userId: number, role: Role) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("The user");
    if (user.role === role) return;
    if (user.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, { action: "user.change_role", userId: actorId, targetType: "user", targetId: userId, details: { from: user.role, to: role } });
  });
}

export async function setActive(db: Db, actorId: number, userId: number, active: boolean) {
  if (!active && actorId === userId) throw new UserError("You cannot deactivate yourself.", 409);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("The user");
    if (user.active === active) return;
    if (!active && user.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { active } });
    await audit(tx, { action: active ? "user.activate" : "user.deactivate", userId: actorId, targetType: "user", targetId: userId });
  });
}

export async function updateTimezone(db: Db, userId: number, timezone: string) {
  await db.user.update({ where: { id: userId }, data: { timezone } });
}
