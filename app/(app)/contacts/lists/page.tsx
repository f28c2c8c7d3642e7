import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listsWithCounts } from "@/lib/contacts/lists";
import { CreateListForm, ListRow } from "./list-forms";

export const metadata: Metadata = { title: "Lists" };

export default async function ListsPage() {
  const user = await requirePageUser(READERS);
  const canEdit = hasRole(user.role, EDITORS);
  const lists = await listsWithCounts(db());
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/contacts" className="text-brand-700 underline">← Contacts</Link></p>
      <PageHeader title="Lists" description="Groups of contacts that campaigns are sent to. Deleting a list keeps its contacts." />
      {lists.length === 0 ? (
        <EmptyState title="No lists yet">Create one below, or while importing a file.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="lists-table">
          <thead className="bg-slate-50 text-left"><tr><th className="p-3">Name</th><th className="p-3">Contacts</th><th className="p-3"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {lists.map((l) => <ListRow key={l.id} list={{ id: l.id, name: l.name, count: l.contactCount }} canEdit={canEdit} />)}
          </tbody>
        </table>
      )}
      {canEdit && (
        <section className="mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-medium">New list</h2>
          <CreateListForm />
        </section>
      )}
    </>
  );
}
