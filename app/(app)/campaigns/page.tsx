import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/campaigns/status-badge";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Campaigns" };

const linkButton = "rounded-md px-3 py-2 text-sm font-medium";

export default async function CampaignsPage() {
  const user = await requirePageUser(READERS);
  const canEdit = hasRole(user.role, EDITORS);
  const campaigns = await db().campaign.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, name: true, kind: true, status: true, scheduleMode: true, scheduledAt: true, recipientCount: true, queuedCount: true, sendingCount: true, createdAt: true },
  });
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Single, bulk and scheduled sends, with their progress."
        actions={
          canEdit && (
            <div className="flex gap-2">
              <Link href="/send" className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>Send one message</Link>
              <Link href="/campaigns/new" className={`${linkButton} bg-brand-600 text-white hover:bg-brand-700`}>New campaign</Link>
            </div>
          )
        }
      />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">Campaigns you send or schedule will be listed here with their delivery progress.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="campaigns-table">
          <thead className="bg-slate-50 text-left">
            <tr><th className="p-3">Name</th><th className="p-3">Status</th><th className="p-3">Recipients</th><th className="p-3">Progress</th><th className="p-3">When</th></tr>
          </thead>
          <tbody>
            {campaigns.map((c) => {
              const done = c.recipientCount - c.queuedCount - c.sendingCount;
              return (
                <tr key={c.id} className="border-t border-slate-200" data-testid={`campaign-row-${c.name}`}>
                  <td className="p-3">
                    <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                    {c.kind === "single" && <span className="ml-2 text-xs text-slate-500">single</span>}
                  </td>
                  <td className="p-3"><StatusBadge status={c.status} /></td>
                  <td className="p-3">{c.recipientCount.toLocaleString("en")}</td>
                  <td className="p-3">{c.recipientCount > 0 ? `${Math.floor((done / c.recipientCount) * 100)}%` : "—"}</td>
                  <td className="p-3">
                    {c.scheduledAt && c.scheduleMode !== "now" ? `${c.scheduleMode === "gateway" ? "at the gateway " : ""}${formatDateTime(c.scheduledAt, user.timezone)}` : formatDateTime(c.createdAt, user.timezone)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
