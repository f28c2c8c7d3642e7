"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "@/components/button";

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Shown in the dialog when the confirmed action failed. */
  error?: string | null;
  busy?: boolean;
  variant?: "primary" | "danger";
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A native modal dialog asking before anything that costs money or cannot be undone. Focus stays inside,
 * Escape closes it, and "Cancel" has the focus first so that Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, error, busy, variant = "primary", onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
      <h2 id={titleId} className="text-lg font-medium">{title}</h2>
      <div className="mt-3 text-sm text-slate-700">{children}</div>
      {error && <p role="alert" className="mt-3 text-sm text-red-700">{error}</p>}
      <div className="mt-6 flex justify-end gap-2">
        <Button type="button" variant="secondary" autoFocus onClick={onClose}>Cancel</Button>
        <Button type="button" variant={variant} disabled={busy} onClick={onConfirm}>{busy ? "Working…" : confirmLabel}</Button>
      </div>
    </dialog>
  );
}
