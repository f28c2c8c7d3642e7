import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "./revoke-key-button";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const me = await requirePageUser(ADMINS);
  const keys = await listApiKeys(db());
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other systems send and track messages through the REST API. A key is shown once, when it is created."
        actions={<Link href="/api-docs" className="text-sm text-brand-700 underline">API reference</Link>}
      />
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">Create a key below for each system that should use the API, with the smallest scope it needs.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="api-keys-table">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="p-3">Name</th><th className="p-3">Key</th><th className="p-3">Scope</th><th className="p-3">Created</th><th className="p-3">Last used</th><th className="p-3">Status</th>
              <th className="p-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className="border-t border-slate-200" data-testid={`api-key-${k.name}`}>
                <td className="p-3">{k.name}</td>
                <td className="p-3 font-mono text-xs">{k.prefix}…</td>
                <td className="p-3">{k.scope}</td>
                <td className="p-3">{formatDateTime(k.createdAt, me.timezone)}{k.createdBy ? ` by ${k.createdBy.email}` : ""}</td>
                <td className="p-3">{formatDateTime(k.lastUsedAt, me.timezone)}</td>
                <td className="p-3">{k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt, me.timezone)}` : "Active"}</td>
                <td className="p-3 text-right">{!k.revokedAt && <RevokeKeyButton keyId={k.id} name={k.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-medium">Create a key</h2>
        <CreateKeyForm />
      </section>
    </>
  );
}
