import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listAccounts } from "@/lib/providers/accounts/account-view";
import { vendorChoices } from "@/lib/providers/accounts/vendor-form";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  await requirePageUser(ADMINS);
  // listAccounts selects no credential column: nothing secret may reach the page.
  const accounts = await listAccounts(db());
  return (
    <>
      <PageHeader title="Providers" description="The SMS gateways your campaigns are sent through." />
      {accounts.length === 0 ? (
        <EmptyState title="No provider accounts">Connect a gateway below to start sending.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="provider-accounts">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="p-3">Name</th><th className="p-3">Gateway</th><th className="p-3">Sender</th><th className="p-3">Rate</th><th className="p-3">Batch</th><th className="p-3">Campaigns</th><th className="p-3">Status</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-200" data-testid={`provider-${a.name}`}>
                <td className="p-3"><Link href={`/providers/${a.id}`} className="font-medium text-brand-600 underline">{a.name}</Link></td>
                <td className="p-3">{a.vendorLabel}</td>
                <td className="p-3">{a.defaultSender ?? "—"}</td>
                <td className="p-3">{a.rateLimitPerSecond}/s</td>
                <td className="p-3">{a.batchSize}</td>
                <td className="p-3">{a.campaignCount}</td>
                <td className="p-3">{a.enabled ? "Enabled" : "Disabled"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="add-account">
        <h2 id="add-account" className="text-lg font-medium">Add an account</h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {vendorChoices().map((v) => (
            <li key={v.vendor}>
              <Link href={`/providers/new?vendor=${v.vendor}`} className="inline-block rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
