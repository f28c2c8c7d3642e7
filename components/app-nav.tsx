"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { NavItem } from "./nav-items";

export function AppNav({ items, userLabel }: { items: Pick<NavItem, "href" | "label">[]; userLabel: string }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/dashboard" className="font-semibold text-brand-700">
          SMS Campaigns
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`rounded px-2 py-1 text-sm ${active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <Link href="/profile" className="hover:text-slate-900" data-testid="current-user">
            {userLabel}
          </Link>
          <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
