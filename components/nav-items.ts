import type { Role } from "@/lib/db/generated/sqlite/enums";
import { ADMINS, READERS } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** The main navigation; each page checks the same roles on the server. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", roles: READERS },
  { href: "/contacts", label: "Contacts", roles: READERS },
  { href: "/templates", label: "Templates", roles: READERS },
  { href: "/campaigns", label: "Campaigns", roles: READERS },
  { href: "/inbox", label: "Inbox", roles: READERS },
  { href: "/providers", label: "Providers", roles: ADMINS },
  { href: "/users", label: "Users", roles: ADMINS },
  { href: "/audit", label: "Audit log", roles: ADMINS },
  { href: "/api-keys", label: "API keys", roles: ADMINS },
];
