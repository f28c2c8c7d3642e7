import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requirePageUser(READERS);
  const templates = await db().template.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, body: true } });
  return (
    <>
      <PageHeader title="Templates" description="Reusable messages with merge fields such as {{first_name}}." />
      {templates.length === 0 ? (
        <EmptyState title="No templates yet">Templates you write will be listed here, ready to use in a campaign.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {templates.map((t) => (
            <li key={t.id} className="p-4">
              <p className="font-medium">{t.name}</p>
              <p className="truncate text-sm text-slate-600">{t.body}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
