import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportReport } from "@/components/contacts/import-report";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getImportReport } from "@/lib/contacts/import-job";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Import report" };

export default async function ImportReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(READERS);
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const report = await getImportReport(db(), id).catch(() => null);
  if (!report) notFound();
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/contacts/import" className="text-brand-700 underline">← Import contacts</Link></p>
      <PageHeader title="Import report" description={`Started ${formatDateTime(report.createdAt, user.timezone)}.`} />
      <ImportReport report={{ ...report, lastActivity: formatDateTime(report.lastActivityAt, user.timezone) }} />
    </>
  );
}
