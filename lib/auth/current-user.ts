/**
 * The one authorization check. Every server action, route handler and page asks it for the signed-in user
 * with a set of allowed roles; it reads the user from the database each time, so a deactivated user is
 * refused at their next request whatever their session cookie says.
 */
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { authOptions } from "./options";
import { hasRole } from "./roles";

export interface CurrentUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  timezone: string;
}

/** The signed-in, active user, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, timezone: true, active: true },
  });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, timezone: user.timezone };
}

/** The signed-in user if their role is allowed; throws 401/403 (UserError) otherwise. */
export async function requireUser(allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthorizedError();
  if (!hasRole(user.role, allowed)) throw new ForbiddenError();
  return user;
}
