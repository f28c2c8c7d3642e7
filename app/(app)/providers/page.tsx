import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  await requirePageUser(ADMINS);
  // Never select credentials here: nothing secret may reach the page.
  const accounts = await db().providerAccount.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, vendor: true, enabled: true, rateLimitPerSecond: true, defaultSender: true },
  });
  return (
    <>
      <PageHeader title="Providers" description="The SMS gateways your campaigns are sent through." />
      {accounts.length === 0 ? (
        <EmptyState title="No provider accounts">Connect a gateway to start sending.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="provider-accounts">
          <thead className="bg-slate-50 text-left">
            <tr><th className="p-3">Name</th><th className="p-3">Gateway</th><th className="p-3">Sender</th><th className="p-3">Rate</th><th className="p-3">Status</th></tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-200">
                <td className="p-3">{a.name}</td>
                <td className="p-3">{a.vendor}</td>
                <td className="p-3">{a.defaultSender ?? "—"}</td>
                <td className="p-3">{a.rateLimitPerSecond}/s</td>
                <td className="p-3">{a.enabled ? "Enabled" : "Disabled"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
