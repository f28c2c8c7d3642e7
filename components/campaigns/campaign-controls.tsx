"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/button";
import type { ActionResult } from "@/lib/auth/action";
import type { MessageState } from "@/lib/providers/types";
import { ConfirmDialog } from "./confirm-dialog";

type Act = (input: { id: number }) => Promise<ActionResult<unknown>>;

export interface ControlActions {
  pause: Act;
  resume: Act;
  cancel: Act;
  resend: (input: { id: number; states: ("unknown" | "failed")[] }) => Promise<ActionResult<{ count: number }>>;
}

interface Props {
  id: number;
  status: string;
  counts: Record<MessageState, number>;
  /** Scheduled at the gateway and handed over: nothing can stop it any more. */
  handedToGateway: boolean;
  duplicateHref: string;
  actions: ControlActions;
  onChanged: () => void;
}

type Pending = { title: string; body: ReactNode; confirmLabel: string; danger?: boolean; run: () => Promise<ActionResult<unknown>> };

/** Pause, resume, cancel, re-send and duplicate, shown only where the campaign's status allows them. */
export function CampaignControls({ id, status, counts, handedToGateway, duplicateHref, actions, onChanged }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<ActionResult<unknown>>) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setPending(null);
      onChanged();
      router.refresh();
    }
  };

  const stoppable = !handedToGateway;
  const resend = (state: "unknown" | "failed") =>
    setPending({
      title: `Re-send ${counts[state]} ${state} message${counts[state] === 1 ? "" : "s"}?`,
      confirmLabel: `Re-send ${counts[state]}`,
      body:
        state === "unknown"
          ? "We could not tell whether the gateway accepted these. Some recipients may already have them and would get them twice, and each re-send is charged again."
          : "The gateway reported these as failed. Each re-send is a new attempt and is charged again.",
      run: () => actions.resend({ id, states: [state] }),
    });

  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap gap-2" data-testid="campaign-controls">
        {status === "sending" && stoppable && <Button type="button" variant="secondary" disabled={busy} onClick={() => run(() => actions.pause({ id }))}>Pause</Button>}
        {status === "paused" && <Button type="button" variant="secondary" disabled={busy} onClick={() => run(() => actions.resume({ id }))}>Resume</Button>}
        {["draft", "scheduled", "sending", "paused"].includes(status) && stoppable && (
          <Button
            type="button"
            variant="danger"
            disabled={busy}
            onClick={() =>
              setPending({
                title: "Cancel this campaign?",
                confirmLabel: "Cancel campaign",
                danger: true,
                body:
                  status === "scheduled"
                    ? "It will not be sent. This cannot be undone."
                    : "Messages not yet handed to the gateway will not be sent; those already handed over go on. This cannot be undone.",
                run: () => actions.cancel({ id }),
              })
            }
          >
            Cancel campaign
          </Button>
        )}
        {counts.unknown > 0 && <Button type="button" variant="secondary" disabled={busy} onClick={() => resend("unknown")}>Re-send unknown…</Button>}
        {counts.failed > 0 && <Button type="button" variant="secondary" disabled={busy} onClick={() => resend("failed")}>Re-send failed…</Button>}
        <Link href={duplicateHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">Duplicate</Link>
      </div>
      {handedToGateway && <p className="mt-2 text-sm text-slate-600">Handed to the gateway's scheduler: it can no longer be paused or canceled.</p>}
      {error && !pending && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.title ?? ""}
        confirmLabel={pending?.confirmLabel ?? ""}
        variant={pending?.danger ? "danger" : "primary"}
        busy={busy}
        error={error}
        onClose={() => { setPending(null); setError(null); }}
        onConfirm={() => pending && run(pending.run)}
      >
        {pending?.body}
      </ConfirmDialog>
    </div>
  );
}
