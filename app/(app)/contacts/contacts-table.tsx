"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { addToListAction, deleteContactsAction, removeFromListAction, setOptOutAction } from "./actions";

interface Row {
  id: number;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  optedOut: boolean;
  createdAt: string;
}

export function ContactsTable({ contacts, lists, canEdit }: { contacts: Row[]; lists: { id: number; name: string }[]; canEdit: boolean }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [listId, setListId] = useState<string>(lists[0] ? String(lists[0].id) : "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = [...selected];

  const toggle = (id: number) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const run = (label: (n: number) => string, action: () => Promise<ActionResult<number>>) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { ok: true, text: label(result.data) } : { ok: false, text: result.error });
      if (result.ok) setSelected(new Set());
    });

  return (
    <div>
      {canEdit && (
        <div role="toolbar" aria-label="Bulk actions" className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span aria-live="polite">{ids.length} selected</span>
          <label htmlFor="bulk-list" className="sr-only">List</label>
          <select id="bulk-list" value={listId} onChange={(e) => setListId(e.target.value)} className="rounded border border-slate-300 px-2 py-1" disabled={lists.length === 0}>
            {lists.length === 0 && <option value="">No lists yet</option>}
            {lists.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
          <button type="button" disabled={pending || !ids.length || !listId} className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-50" onClick={() => run((n) => `Added ${n} to the list.`, () => addToListAction({ listId: Number(listId), contactIds: ids }))}>Add to list</button>
          <button type="button" disabled={pending || !ids.length || !listId} className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-50" onClick={() => run((n) => `Removed ${n} from the list.`, () => removeFromListAction({ listId: Number(listId), contactIds: ids }))}>Remove from list</button>
          <button type="button" disabled={pending || !ids.length} className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-50" onClick={() => run((n) => `Opted out ${n}.`, () => setOptOutAction({ contactIds: ids, optedOut: true }))}>Opt out</button>
          <button
            type="button"
            disabled={pending || !ids.length}
            className="rounded border border-red-300 bg-white px-2 py-1 text-red-700 disabled:opacity-50"
            onClick={() => { if (confirm(`Delete ${ids.length} contact(s)? Messages already sent to them stay in campaign reports; messages still queued for them are skipped. This cannot be undone.`)) run((n) => `Deleted ${n}.`, () => deleteContactsAction({ contactIds: ids })); }}
          >
            Delete
          </button>
          {message && <p role="status" className={message.ok ? "text-green-700" : "text-red-700"} data-testid="bulk-message">{message.text}</p>}
        </div>
      )}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="contacts-table">
        <thead className="bg-slate-50 text-left">
          <tr>
            {canEdit && (
              <th className="w-8 p-3">
                <input type="checkbox" aria-label="Select all on this page" checked={contacts.length > 0 && selected.size === contacts.length} onChange={(e) => setSelected(e.target.checked ? new Set(contacts.map((c) => c.id)) : new Set())} />
              </th>
            )}
            <th className="p-3">Phone</th><th className="p-3">Name</th><th className="p-3">Country</th><th className="p-3">Status</th><th className="p-3">Added</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} className="border-t border-slate-200" data-testid={`contact-${c.phone}`}>
              {canEdit && (
                <td className="p-3"><input type="checkbox" aria-label={`Select ${c.phone}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} /></td>
              )}
              <td className="p-3 font-mono"><Link href={`/contacts/${c.id}`} className="text-brand-700 underline">{c.phone}</Link></td>
              <td className="p-3">{[c.firstName, c.lastName].filter(Boolean).join(" ") || "—"}</td>
              <td className="p-3">{c.country ?? "—"}</td>
              <td className="p-3">{c.optedOut ? <span className="rounded bg-red-50 px-2 py-0.5 text-red-700">Opted out</span> : "Subscribed"}</td>
              <td className="p-3">{c.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
