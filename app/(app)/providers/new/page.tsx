import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { AccountForm } from "@/components/providers/account-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { findProvider } from "@/lib/providers/registry";
import { vendorForm } from "@/lib/providers/accounts/vendor-form";
import { saveAccountAction } from "../actions";

export const metadata: Metadata = { title: "Add a provider account" };

export default async function NewProviderPage({ searchParams }: { searchParams: Promise<{ vendor?: string }> }) {
  await requirePageUser(ADMINS);
  const { vendor } = await searchParams;
  if (!vendor || !findProvider(vendor)) notFound();
  const form = vendorForm(vendor);
  return (
    <>
      <PageHeader title={`Add a ${form.label} account`} description="Credentials are encrypted at rest and never shown again." actions={<Link href="/providers" className="text-sm text-brand-600 underline">Back to providers</Link>} />
      <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
        <AccountForm vendor={form} save={saveAccountAction} />
      </div>
    </>
  );
}
