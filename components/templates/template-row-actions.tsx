"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/campaigns/confirm-dialog";
import type { ActionResult } from "@/lib/auth/action";

interface Props {
  template: { id: number; name: string };
  duplicate: (input: { id: number }) => Promise<ActionResult<{ id: number; name: string }>>;
  remove: (input: { id: number }) => Promise<ActionResult<{ id: number }>>;
}

/** Duplicate and delete (after confirmation) for one template row. */
export function TemplateRowActions({ template, duplicate, remove }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      if (result.ok) {
        after?.();
        router.refresh();
      }
    });
  return (
    <div className="flex items-center gap-2">
      <button type="button" disabled={pending} onClick={() => run(() => duplicate({ id: template.id }))} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
        Duplicate<span className="sr-only"> {template.name}</span>
      </button>
      <button type="button" disabled={pending} onClick={() => setConfirming(true)} className="rounded border border-red-300 px-2 py-1 text-sm text-red-700 hover:bg-red-50">
        Delete<span className="sr-only"> {template.name}</span>
      </button>
      {error && !confirming && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${template.name}”?`}
        confirmLabel="Delete template"
        variant="danger"
        busy={pending}
        error={error}
        onClose={() => setConfirming(false)}
        onConfirm={() => run(() => remove({ id: template.id }), () => setConfirming(false))}
      >
        Campaigns that used it keep their own copy of the text. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
