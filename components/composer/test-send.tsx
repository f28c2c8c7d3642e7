"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/campaigns/confirm-dialog";
import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";
import { LaunchSummary } from "./launch-summary";
import type { ComposerAccount, EstimateFn, SendSingleFn } from "./types";

interface Props {
  account?: ComposerAccount;
  sender?: string;
  text: string;
  optOutFooter: boolean;
  timeZone: string;
  estimate: EstimateFn;
  sendSingle: SendSingleFn;
}

/** Sends the message as written to one number (a single send), after the same confirmation as a campaign. */
export function TestSend({ account, sender, text, optOutFooter, timeZone, estimate, sendSingle }: Props) {
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<CampaignEstimate | null>(null);
  const [sent, setSent] = useState<{ id: number; to: string } | null>(null);

  const review = async () => {
    setSent(null);
    if (!account) return setError("Choose a provider account first.");
    if (!to.trim()) return setError("Enter the number to send the test to.");
    setBusy(true);
    const result = await estimate({ providerAccountId: account.id, text, optOutFooter, recipients: [to] });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.recipients ?? result.fieldErrors?.text ?? result.error);
    setError(null);
    setPending(result.data);
  };

  const send = async () => {
    if (!account) return;
    setBusy(true);
    const result = await sendSingle({ to, providerAccountId: account.id, sender, text, optOutFooter });
    setBusy(false);
    if (!result.ok) return setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
    setPending(null);
    setSent({ id: result.data.id, to });
  };

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-medium">Send a test</h2>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="flex-1">
          <label htmlFor="test-number" className="block text-xs text-slate-600">Test number (international format, e.g. +31612345678)</label>
          <input
            id="test-number"
            type="tel"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "test-number-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500"
          />
        </div>
        <Button type="button" variant="secondary" disabled={busy} onClick={review}>Send a test</Button>
      </div>
      {error && !pending && <p id="test-number-error" role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
      {sent && (
        <p role="status" className="mt-2 text-green-700" data-testid="test-sent">
          Test sent to {sent.to}. <Link className="underline" href={`/campaigns/${sent.id}`}>Follow it</Link>
        </p>
      )}
      <ConfirmDialog open={pending !== null} title="Send one test message?" confirmLabel="Send test" busy={busy} error={error} onClose={() => setPending(null)} onConfirm={send}>
        {pending && account && <LaunchSummary estimate={pending} accountName={account.name} startAt={null} timeZone={timeZone} />}
      </ConfirmDialog>
    </div>
  );
}
