"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/button";

interface Props {
  label: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  variant?: "primary" | "secondary" | "danger";
  onConfirm: () => Promise<void> | void;
}

/** A button that asks first, in a native modal dialog (focus is kept inside; Escape cancels). */
export function ConfirmButton({ label, title, children, confirmLabel, variant = "secondary", onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button type="button" variant={variant} onClick={() => dialog.current?.showModal()}>{label}</Button>
      <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={bodyId} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={titleId} className="text-lg font-medium">{title}</h2>
        <div id={bodyId} className="mt-2 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex justify-end gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>Cancel</Button>
          <Button
            type="button"
            variant={variant === "danger" ? "danger" : "primary"}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
              } finally {
                setBusy(false);
                dialog.current?.close();
              }
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
