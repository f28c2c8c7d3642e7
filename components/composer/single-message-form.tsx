"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/campaigns/confirm-dialog";
import { Field } from "@/components/field";
import { type SingleMessageInput, singleMessageSchema } from "@/lib/campaigns/compose.schema";
import { AccountSelect, accountIdOptions } from "./account-select";
import { LaunchSummary } from "./launch-summary";
import { MessageEditor } from "./message-editor";
import { senderProblem } from "./sender-problem";
import type { ComposerAccount, EstimateFn, SendSingleFn } from "./types";
import { useReviewThenSend } from "./use-review-then-send";

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
  const { register, watch, setValue, setError, handleSubmit, formState } = useForm<SingleMessageInput, unknown, Output>({ resolver: zodResolver(singleMessageSchema), defaultValues: defaults });
  const values = watch();
  const account = accounts.find((a) => a.id === Number(values.providerAccountId));
  const [error, setFormError] = useState<string | null>(null);

  const showServerErrors = (result: { error: string; fieldErrors?: Record<string, string> }) => {
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError((field === "recipients" ? "to" : field) as keyof SingleMessageInput, { message: text });
    setFormError(result.error);
  };

  const { pending, busy, review, confirm, cancel } = useReviewThenSend<Output>({
    accounts,
    setFieldError: (field, message) => setError(field === "audience" ? "to" : field, { message }),
    showServerErrors,
    emptyAudience: "This number has opted out; the message would be skipped.",
    estimate: (valid) => estimate({ providerAccountId: valid.providerAccountId, text: valid.text, optOutFooter: valid.optOutFooter, recipients: [valid.to], defaultCountry: valid.defaultCountry }),
    send: sendSingle,
  });
  const onSubmit = handleSubmit(async (valid) => {
    if (await review(valid)) setFormError(null);
  });

  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6" aria-label="Single message">
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
      <ConfirmDialog open={pending !== null} title="Send this message?" confirmLabel="Send message" busy={busy} onClose={cancel} onConfirm={confirm}>
        {pending && account && <LaunchSummary estimate={pending.estimate} accountName={account.name} startAt={null} timeZone={timeZone} />}
      </ConfirmDialog>
    </form>
  );
}
