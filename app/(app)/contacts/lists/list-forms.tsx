"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { createListSchema } from "@/lib/contacts/contacts.schema";
import { createListAction, deleteListAction, renameListAction } from "../actions";

export function CreateListForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<z.input<typeof createListSchema>>({ resolver: zodResolver(createListSchema) });
  const onSubmit = handleSubmit(async (input) => {
    const result = await createListAction(input);
    if (result.ok) {
      setMessage({ ok: true, text: `Created ${result.data.name}.` });
      reset();
      return;
    }
    if (result.fieldErrors?.name) setError("name", { message: result.fieldErrors.name });
    setMessage({ ok: false, text: result.error });
  });
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-3" noValidate>
      <Field label="Name" {...register("name")} error={formState.errors.name?.message} />
      {message && <p role="status" className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>{message.text}</p>}
      <Button type="submit" disabled={formState.isSubmitting}>Create list</Button>
    </form>
  );
}

export function ListRow({ list, canEdit }: { list: { id: number; name: string; count: number }; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; error?: string }>, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? "Failed."));
      if (result.ok) after?.();
    });
  return (
    <tr className="border-t border-slate-200" data-testid={`list-${list.name}`}>
      <td className="p-3">
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); run(() => renameListAction({ listId: list.id, name }), () => setEditing(false)); }} className="flex gap-2">
            <label htmlFor={`rename-${list.id}`} className="sr-only">New name for {list.name}</label>
            <input id={`rename-${list.id}`} value={name} onChange={(e) => setName(e.target.value)} className="rounded border border-slate-300 px-2 py-1" autoFocus />
            <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-1">Save</button>
            <button type="button" onClick={() => setEditing(false)} className="rounded px-2 py-1">Cancel</button>
          </form>
        ) : (
          <Link href={`/contacts?listId=${list.id}`} className="text-brand-700 underline">{list.name}</Link>
        )}
      </td>
      <td className="p-3">{list.count.toLocaleString("en")}</td>
      <td className="p-3 text-right">
        {canEdit && !editing && (
          <span className="inline-flex gap-2">
            <button type="button" onClick={() => setEditing(true)} className="rounded border border-slate-300 px-2 py-1">Rename</button>
            <button type="button" disabled={pending} onClick={() => { if (confirm(`Delete the list "${list.name}"? Its contacts stay.`)) run(() => deleteListAction({ listId: list.id })); }} className="rounded border border-red-300 px-2 py-1 text-red-700">Delete</button>
          </span>
        )}
        {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
      </td>
    </tr>
  );
}
