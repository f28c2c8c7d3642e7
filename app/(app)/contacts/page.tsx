import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { contactFilterSchema } from "@/lib/contacts/contacts.schema";
import { listsWithCounts } from "@/lib/contacts/lists";
import { contactCountries, searchContacts } from "@/lib/contacts/query-contacts";
import { formatDateTime } from "@/lib/time/format";
import { ContactsTable } from "./contacts-table";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(READERS);
  const canEdit = hasRole(user.role, EDITORS);
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(await searchParams)) if (v) raw[k] = Array.isArray(v) ? v[0] : v;
  const filter = contactFilterSchema.parse(raw);
  const [{ contacts, nextBefore }, lists, countries, total] = await Promise.all([
    searchContacts(db(), sqlFor(rawDb()), filter),
    listsWithCounts(db()),
    contactCountries(db()),
    db().contact.count(),
  ]);
  const query = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "before"));
  const filtered = Boolean(filter.q || filter.listId || filter.optedOut || filter.country);

  return (
    <>
      <PageHeader
        title="Contacts"
        description={`${total.toLocaleString("en")} contacts. The people your campaigns reach, their lists and opt-outs.`}
        actions={
          <div className="flex flex-wrap gap-2 text-sm">
            <Link href="/contacts/lists" className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">Lists</Link>
            <a href={`/api/contacts/export?${query}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">Export CSV</a>
            {canEdit && <Link href="/contacts/import" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">Import contacts</Link>}
          </div>
        }
      />
      <ContactFilters filter={filter} lists={lists.map((l) => ({ id: l.id, name: l.name }))} countries={countries} />
      {contacts.length === 0 ? (
        total === 0 ? (
          <EmptyState title="No contacts yet">Contacts you import from a CSV file will be listed here.{canEdit && <> <Link className="text-brand-700 underline" href="/contacts/import">Import a file</Link>.</>}</EmptyState>
        ) : (
          <EmptyState title={filtered ? "No contact matches these filters" : "No more contacts"}>Change the search or the filters above.</EmptyState>
        )
      ) : (
        <ContactsTable
          canEdit={canEdit}
          lists={lists.map((l) => ({ id: l.id, name: l.name }))}
          contacts={contacts.map((c) => ({ ...c, createdAt: formatDateTime(c.createdAt, user.timezone) }))}
        />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {filter.before && <Link className="text-brand-700 underline" href={`/contacts?${query}`}>First page</Link>}
        {nextBefore && <Link className="text-brand-700 underline" href={`/contacts?${new URLSearchParams({ ...Object.fromEntries(query), before: String(nextBefore) })}`} data-testid="next-page">Next page</Link>}
      </nav>
    </>
  );
}
