/** The page-side face of `requireUser`: redirects to sign-in, or renders 403 for a role the user lacks. */
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/db/client";
import { type CurrentUser, getCurrentUser } from "./current-user";
import { hasRole } from "./roles";

export async function requirePageUser(allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, allowed)) forbidden();
  return user;
}
