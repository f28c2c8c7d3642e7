import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { TemplateRowActions } from "@/components/templates/template-row-actions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { countSegments } from "@/lib/sms/segments";
import { listTemplates } from "@/lib/templates/manage-templates";
import { formatDateTime } from "@/lib/time/format";
import { deleteTemplateAction, duplicateTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const user = await requirePageUser(READERS);
  const canEdit = hasRole(user.role, EDITORS);
  const templates = await listTemplates(db());
  return (
    <>
      <PageHeader
        title="Templates"
        description="Reusable messages with merge fields such as {{first_name}}."
        actions={canEdit && <Link href="/templates/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">New template</Link>}
      />
      {templates.length === 0 ? (
        <EmptyState title="No templates yet">Templates you write will be listed here, ready to use in a campaign.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="templates-list">
          {templates.map((t) => {
            const count = countSegments(t.body);
            return (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-4 p-4" data-testid={`template-${t.name}`}>
                <div className="min-w-0 flex-1">
                  <Link href={`/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">{t.name}</Link>
                  <p className="truncate font-mono text-sm text-slate-600">{t.body}</p>
                  <p className="text-xs text-slate-500">
                    {count.encoding === "GSM7" ? "GSM-7" : "UCS-2"} · {count.segments} {count.segments === 1 ? "segment" : "segments"} as written · updated {formatDateTime(t.updatedAt, user.timezone)}
                  </p>
                </div>
                {canEdit && <TemplateRowActions template={{ id: t.id, name: t.name }} duplicate={duplicateTemplateAction} remove={deleteTemplateAction} />}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
