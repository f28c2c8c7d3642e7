import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePageUser(READERS);
  const [contacts, campaigns, messages] = await Promise.all([db().contact.count(), db().campaign.count(), db().message.count()]);
  return (
    <>
      <PageHeader title="Dashboard" description="Delivery statistics across your campaigns." />
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        {[["Contacts", contacts], ["Campaigns", campaigns], ["Messages", messages]].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold">{Number(value).toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      {messages === 0 && (
        <EmptyState title="No messages sent yet">Statistics appear here once your first campaign goes out.</EmptyState>
      )}
    </>
  );
}
