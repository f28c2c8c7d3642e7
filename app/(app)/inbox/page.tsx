import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requirePageUser(READERS);
  const messages = await db().inboundMessage.findMany({
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: { id: true, from: true, text: true, receivedAt: true },
  });
  return (
    <>
      <PageHeader title="Inbox" description="Replies from your contacts, including STOP requests." />
      {messages.length === 0 ? (
        <EmptyState title="No replies yet">Replies arrive here from gateways that deliver inbound messages (DIDWW, OGANGI and the simulator).</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {messages.map((m) => (
            <li key={m.id} className="p-4">
              <p className="text-sm text-slate-600">{m.from} · {formatDateTime(m.receivedAt, user.timezone)}</p>
              <p>{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
