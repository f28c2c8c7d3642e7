import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Inbox" };

const PAGE_SIZE = 100;

export default async function InboxPage() {
  const user = await requirePageUser(READERS);
  const messages = await db().inboundMessage.findMany({
    orderBy: { receivedAt: "desc" },
    take: PAGE_SIZE,
    select: {
      id: true, from: true, text: true, receivedAt: true, keyword: true,
      contact: { select: { id: true, firstName: true, lastName: true, optedOut: true } },
      campaign: { select: { id: true, name: true } },
      providerAccount: { select: { name: true } },
    },
  });
  return (
    <>
      <PageHeader title="Inbox" description="Replies from your contacts. STOP and similar replies opt the contact out everywhere; START opts them back in." />
      {messages.length === 0 ? (
        <EmptyState title="No replies yet">Replies arrive here from gateways that deliver inbound messages (DIDWW, OGANGI and the simulator).</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="inbox-table">
          <caption className="sr-only">The {PAGE_SIZE} most recent replies</caption>
          <thead className="bg-slate-50 text-left">
            <tr><th className="p-3">From</th><th className="p-3">Message</th><th className="p-3">Received</th><th className="p-3">Contact</th><th className="p-3">Answers campaign</th><th className="p-3">Gateway</th></tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} className="border-t border-slate-200 align-top">
                <td className="p-3 font-mono">{m.from}</td>
                <td className="p-3">
                  {m.text}
                  {m.keyword && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" data-testid="reply-keyword">
                      {m.keyword}
                    </span>
                  )}
                </td>
                <td className="p-3 whitespace-nowrap">{formatDateTime(m.receivedAt, user.timezone)}</td>
                <td className="p-3">
                  {m.contact ? (
                    <Link href={`/contacts/${m.contact.id}`} className="text-brand-600 underline">
                      {[m.contact.firstName, m.contact.lastName].filter(Boolean).join(" ") || "Contact"}
                    </Link>
                  ) : (
                    <span className="text-slate-500">Unknown number</span>
                  )}
                  {m.contact?.optedOut && <span className="ml-2 text-xs text-red-700">opted out</span>}
                </td>
                <td className="p-3">{m.campaign ? <Link href={`/campaigns/${m.campaign.id}`} className="text-brand-600 underline">{m.campaign.name}</Link> : "—"}</td>
                <td className="p-3">{m.providerAccount.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
