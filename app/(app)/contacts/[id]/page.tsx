import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { optOutHistory } from "@/lib/contacts/opt-out";
import { contactMessages, getContact } from "@/lib/contacts/query-contacts";
import { formatDateTime } from "@/lib/time/format";
import { ContactActions } from "./contact-actions";
import { EditContactForm } from "./edit-contact-form";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(READERS);
  const id = Number((await params).id);
  const contact = Number.isInteger(id) && id > 0 ? await getContact(db(), id) : null;
  if (!contact) notFound();
  const canEdit = hasRole(user.role, EDITORS);
  const [messages, history, fields] = await Promise.all([
    contactMessages(db(), id),
    optOutHistory(db(), id),
    db().customField.findMany({ orderBy: { key: "asc" }, select: { key: true, label: true } }),
  ]);
  const values = contact.fields as Record<string, string>;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  const tz = user.timezone;

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/contacts" className="text-brand-700 underline">← Contacts</Link></p>
      <PageHeader title={name || contact.phone} description={`${contact.phone}${contact.country ? ` · ${contact.country}` : ""} · added ${formatDateTime(contact.createdAt, tz)} (${contact.source})`} />
      <div className="grid gap-6 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-medium">Details</h2>
          {canEdit ? (
            <EditContactForm contact={{ id: contact.id, phone: contact.phone, firstName: contact.firstName ?? "", lastName: contact.lastName ?? "", country: contact.country }} fields={fields} values={values} />
          ) : (
            <dl className="mt-4 grid grid-cols-3 gap-2 text-sm">
              <dt className="text-slate-500">Phone</dt><dd className="col-span-2">{contact.phone}</dd>
              <dt className="text-slate-500">Name</dt><dd className="col-span-2">{name || "—"}</dd>
              {fields.map((f) => <div key={f.key} className="contents"><dt className="text-slate-500">{f.label}</dt><dd className="col-span-2">{values[f.key] ?? "—"}</dd></div>)}
            </dl>
          )}
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-medium">Subscription</h2>
          <p className="mt-2 text-sm" data-testid="opt-out-status">
            {contact.optedOut ? `Opted out ${formatDateTime(contact.optedOutAt, tz)} (${contact.optOutSource ?? "unknown"}). No campaign message will be sent.` : "Subscribed: receives campaign messages."}
          </p>
          {canEdit && <ContactActions id={contact.id} optedOut={contact.optedOut} />}
          <h3 className="mt-4 text-sm font-medium">History</h3>
          {history.length === 0 ? <p className="text-sm text-slate-500">No opt-out or opt-in recorded.</p> : (
            <ul className="mt-1 space-y-1 text-sm">
              {history.map((e) => <li key={e.id}>{formatDateTime(e.createdAt, tz)}: {e.optedOut ? "opted out" : "opted in"} ({e.source}{e.detail ? `: ${e.detail}` : ""}{e.user ? `, by ${e.user.email}` : ""})</li>)}
            </ul>
          )}
          <h3 className="mt-4 text-sm font-medium">Lists</h3>
          <p className="text-sm">{contact.lists.length === 0 ? "In no list." : contact.lists.map((l) => l.name).join(", ")}</p>
        </section>
      </div>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-lg font-medium">Messages</h2>
        {messages.length === 0 ? <p className="mt-2 text-sm text-slate-500">No message has been sent to this contact yet.</p> : (
          <table className="mt-2 w-full text-sm">
            <thead className="text-left"><tr><th className="p-2">When</th><th className="p-2">Campaign</th><th className="p-2">State</th><th className="p-2">Text</th></tr></thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} className="border-t border-slate-200"><td className="p-2">{formatDateTime(m.createdAt, tz)}</td><td className="p-2">{m.campaign.name}</td><td className="p-2">{m.state}</td><td className="p-2">{m.text}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
