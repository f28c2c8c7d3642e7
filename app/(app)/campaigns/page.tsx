import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requirePageUser(READERS);
  const campaigns = await db().campaign.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, name: true, status: true, recipientCount: true, createdAt: true },
  });
  return (
    <>
      <PageHeader title="Campaigns" description="Single, bulk and scheduled sends, with their progress." />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">Campaigns you send or schedule will be listed here with their delivery progress.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left">
            <tr><th className="p-3">Name</th><th className="p-3">Status</th><th className="p-3">Recipients</th><th className="p-3">Created</th></tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} className="border-t border-slate-200">
                <td className="p-3">{c.name}</td>
                <td className="p-3">{c.status}</td>
                <td className="p-3">{c.recipientCount.toLocaleString("en")}</td>
                <td className="p-3">{formatDateTime(c.createdAt, user.timezone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
