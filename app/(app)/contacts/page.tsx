import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  await requirePageUser(READERS);
  const count = await db().contact.count();
  return (
    <>
      <PageHeader title="Contacts" description="The people your campaigns reach, their lists and opt-outs." />
      {count === 0 ? (
        <EmptyState title="No contacts yet">Contacts you import from a CSV file or add by hand will be listed here.</EmptyState>
      ) : (
        <p>{count.toLocaleString("en")} contacts.</p>
      )}
    </>
  );
}
