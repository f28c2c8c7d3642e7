"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/campaigns/confirm-dialog";
import { Field } from "@/components/field";
import { type SingleMessageInput, singleMessageSchema } from "@/lib/campaigns/compose.schema";
import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";
import { AccountSelect, accountIdOptions } from "./account-select";
import { senderProblem } from "./campaign-composer";
import { LaunchSummary } from "./launch-summary";
import { MessageEditor } from "./message-editor";
import type { ComposerAccount, EstimateFn, SendSingleFn } from "./types";

type Output = z.output<typeof singleMessageSchema>;

interface Props {
  accounts: ComposerAccount[];
  mergeFields: string[];
  timeZone: string;
  defaults: Partial<SingleMessageInput>;
  estimate: EstimateFn;
  sendSingle: SendSingleFn;
}

/** One SMS to one number, with the same counter, checks and confirmation as a campaign. */
export function SingleMessageForm({ accounts, mergeFields, timeZone, defaults, estimate, sendSingle }: Props) {
  const router = useRouter();
  const { register, watch, setValue, setError, handleSubmit, formState } = useForm<SingleMessageInput, unknown, Output>({ resolver: zodResolver(singleMessageSchema), defaultValues: defaults });
  const values = watch();
  const account = accounts.find((a) => a.id === Number(values.providerAccountId));
  const [pending, setPending] = useState<{ estimate: CampaignEstimate; values: Output } | null>(null);
  const [error, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const showServerErrors = (result: { error: string; fieldErrors?: Record<string, string> }) => {
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError((field === "recipients" ? "to" : field) as keyof SingleMessageInput, { message: text });
    setFormError(result.error);
  };

  const review = handleSubmit(async (valid) => {
    const chosen = accounts.find((a) => a.id === valid.providerAccountId);
    if (!chosen?.enabled) return setError("providerAccountId", { message: "This account is disabled; choose another." });
    const problem = senderProblem(chosen, valid.sender);
    if (problem) return setError("sender", { message: problem });
    setBusy(true);
    const result = await estimate({ providerAccountId: valid.providerAccountId, text: valid.text, optOutFooter: valid.optOutFooter, recipients: [valid.to], defaultCountry: valid.defaultCountry });
    setBusy(false);
    if (!result.ok) return showServerErrors(result);
    if (result.data.recipients === 0) return setError("to", { message: "This number has opted out; the message would be skipped." });
    setFormError(null);
    setPending({ estimate: result.data, values: valid });
  });

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await sendSingle(pending.values);
    setBusy(false);
    if (!result.ok) {
      setPending(null);
      return showServerErrors(result);
    }
    router.push(`/campaigns/${result.data.id}`);
  };

  const errors = formState.errors;
  return (
    <form onSubmit={review} noValidate className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6" aria-label="Single message">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field label="To" type="tel" {...register("to")} error={errors.to?.message} hint="International format (+31612345678), or national with a default country." />
        <Field label="Default country (optional)" {...register("defaultCountry")} placeholder="NL" maxLength={2} error={errors.defaultCountry?.message} />
      </div>
      <AccountSelect accounts={accounts} field={register("providerAccountId", accountIdOptions)} account={account} error={errors.providerAccountId?.message} />
      <Field
        label="Sender ID (optional)"
        {...register("sender")}
        placeholder={account?.defaultSender ?? ""}
        error={errors.sender?.message ?? (values.sender ? senderProblem(account, values.sender) : undefined)}
      />
      <MessageEditor
        label="Message"
        {...register("text")}
        text={values.text ?? ""}
        error={errors.text?.message}
        limits={account?.limits}
        mergeFields={mergeFields}
        onReplace={(replaced) => setValue("text", replaced, { shouldDirty: true })}
        footer={{ checked: values.optOutFooter ?? false, onChange: (checked) => setValue("optOutFooter", checked) }}
      />
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <Button type="submit" disabled={busy}>{busy && !pending ? "Checking…" : "Review and send"}</Button>
      <ConfirmDialog open={pending !== null} title="Send this message?" confirmLabel="Send message" busy={busy} onClose={() => setPending(null)} onConfirm={confirm}>
        {pending && account && <LaunchSummary estimate={pending.estimate} accountName={account.name} startAt={null} timeZone={timeZone} />}
      </ConfirmDialog>
    </form>
  );
}
