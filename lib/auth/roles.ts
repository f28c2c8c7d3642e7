/**
 * Who may do what (DESIGN.md, "Roles"). Every server action and route handler names one of these
 * groups; pages use the same groups to decide what to show.
 */
import type { Role } from "@/lib/db/generated/sqlite/enums";

export const ROLES = ["ADMIN", "MARKETER", "MANAGER"] as const satisfies readonly Role[];

/** Read pages, dashboards, reports and exports. */
export const READERS: readonly Role[] = ["ADMIN", "MARKETER", "MANAGER"];
/** Change contacts, lists, imports, templates, campaigns, single sends, inbox. */
export const EDITORS: readonly Role[] = ["ADMIN", "MARKETER"];
/** Provider accounts, users, API keys, audit log. */
export const ADMINS: readonly Role[] = ["ADMIN"];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MARKETER: "Marketer",
  MANAGER: "Manager",
};

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
