import type { Metadata } from "next";
import Link from "next/link";
import { getCountries } from "libphonenumber-js/min";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listImports } from "@/lib/contacts/import-job";
import { formatDateTime } from "@/lib/time/format";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import contacts" };

export default async function ImportPage() {
  const user = await requirePageUser(EDITORS);
  const [lists, fields, imports] = await Promise.all([
    db().contactList.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().customField.findMany({ orderBy: { key: "asc" }, select: { key: true, label: true } }),
    listImports(db(), 10),
  ]);
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const countries = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/contacts" className="text-brand-700 underline">← Contacts</Link></p>
      <PageHeader title="Import contacts" description="A CSV file from a spreadsheet or another tool: comma, semicolon or tab separated, UTF-8 or Windows-1252, any size." />
      <ImportWizard lists={lists} fields={fields} countries={countries} />
      {imports.length > 0 && (
        <section className="mt-8">
          <h2 className="text-lg font-medium">Recent imports</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {imports.map((i) => (
              <li key={i.id}>
                <Link className="text-brand-700 underline" href={`/contacts/imports/${i.id}`}>{i.fileName}</Link> · {formatDateTime(i.createdAt, user.timezone)} · {i.status} · {i.rowsRead.toLocaleString("en")} rows
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
