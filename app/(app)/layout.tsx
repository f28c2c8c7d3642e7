import { AppNav } from "@/components/app-nav";
import { NAV_ITEMS } from "@/components/nav-items";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole, READERS, ROLE_LABELS } from "@/lib/auth/roles";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(READERS);
  const items = NAV_ITEMS.filter((item) => hasRole(user.role, item.roles)).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <AppNav items={items} userLabel={`${user.email} (${ROLE_LABELS[user.role]})`} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
