"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/campaigns/confirm-dialog";
import { Field } from "@/components/field";
import { type ComposeCampaign, type ComposeCampaignInput, composeCampaignSchema, localToUtc } from "@/lib/campaigns/compose.schema";
import { AccountSelect, accountIdOptions } from "./account-select";
import { AudiencePicker } from "./audience-picker";
import { EstimatePanel } from "./estimate-panel";
import { LaunchSummary } from "./launch-summary";
import { MessageEditor } from "./message-editor";
import { SchedulePicker } from "./schedule-picker";
import { senderProblem } from "./sender-problem";
import { TestSend } from "./test-send";
import type { ComposerAccount, ComposerList, ComposerTemplate, EstimateFn, LaunchFn, SendSingleFn } from "./types";
import { useEstimate } from "./use-estimate";
import { useReviewThenSend } from "./use-review-then-send";

interface Props {
  accounts: ComposerAccount[];
  lists: ComposerList[];
  templates: ComposerTemplate[];
  mergeFields: string[];
  timezones: string[];
  defaults: Partial<ComposeCampaignInput>;
  estimate: EstimateFn;
  launch: LaunchFn;
  sendSingle: SendSingleFn;
}

/**
 * The campaign composer: audience, account and sender, message with its live counter, timing and rate,
 * a live preview of real renderings, and a confirmation of recipients, segments, cost and finish time
 * before anything is sent. The server validates the same schema and checks everything again.
 */
export function CampaignComposer({ accounts, lists, templates, mergeFields, timezones, defaults, estimate, launch, sendSingle }: Props) {
  const form = useForm<ComposeCampaignInput, unknown, ComposeCampaign>({ resolver: zodResolver(composeCampaignSchema), defaultValues: defaults });
  const { register, watch, setValue, setError, handleSubmit, formState } = form;
  const values = watch();
  const account = accounts.find((a) => a.id === Number(values.providerAccountId));
  const [error, setFormError] = useState<string | null>(null);

  const listIds = values.listIds ?? [];
  const excludeListIds = values.excludeListIds ?? [];
  const live = useEstimate(
    estimate,
    account && values.text?.trim() && listIds.length > 0
      ? { providerAccountId: account.id, text: values.text, optOutFooter: values.optOutFooter ?? false, listIds, excludeListIds, ratePerSecond: values.ratePerSecond, preview: true }
      : null,
  );

  const showServerErrors = (result: { error: string; fieldErrors?: Record<string, string> }) => {
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      setError((field === "scheduledAt" ? "scheduledLocal" : field) as keyof ComposeCampaignInput, { message: text });
    }
    setFormError(result.error);
  };

  const { pending, busy, review, confirm, cancel } = useReviewThenSend<ComposeCampaign>({
    accounts,
    setFieldError: (field, message) => setError(field === "audience" ? "listIds" : field, { message }),
    showServerErrors,
    emptyAudience: "The chosen audience has no one to send to.",
    estimate: (valid) => estimate({ ...valid, recipients: [] }),
    send: launch,
  });
  const onSubmit = handleSubmit(async (valid) => {
    if (await review(valid)) setFormError(null);
  });

  const errors = formState.errors;
  const senderError = errors.sender?.message ?? (values.sender ? senderProblem(account, values.sender) : undefined);
  const startAt = pending && pending.values.scheduleMode !== "now" ? localToUtc(pending.values.scheduledLocal!, pending.values.timezone) : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-6" aria-label="Campaign">
        <Field label="Campaign name" {...register("name")} error={errors.name?.message} />
        <AudiencePicker
          lists={lists}
          listIds={listIds}
          excludeListIds={excludeListIds}
          error={errors.listIds?.message}
          onChange={(next) => {
            setValue("listIds", next.listIds, { shouldValidate: formState.isSubmitted });
            setValue("excludeListIds", next.excludeListIds);
          }}
        />
        <AccountSelect accounts={accounts} field={register("providerAccountId", accountIdOptions)} account={account} error={errors.providerAccountId?.message} />
        <Field
          label="Sender ID (optional)"
          {...register("sender")}
          placeholder={account?.defaultSender ?? ""}
          error={senderError}
          hint={account?.defaultSender ? `Leave empty to send as ${account.defaultSender}.` : undefined}
        />
        <div>
          <label htmlFor="templateId" className="block text-sm font-medium text-slate-700">Start from</label>
          <select
            id="templateId"
            value={values.templateId === undefined ? "" : String(values.templateId)}
            onChange={(e) => {
              const template = templates.find((t) => t.id === Number(e.target.value));
              setValue("templateId", template?.id);
              if (template) setValue("text", template.body, { shouldValidate: formState.isSubmitted });
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">Free text</option>
            {templates.map((t) => <option key={t.id} value={t.id}>Template: {t.name}</option>)}
          </select>
        </div>
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
        <SchedulePicker
          register={register}
          mode={values.scheduleMode ?? "now"}
          nativeSchedule={account?.nativeSchedule ?? false}
          vendorLabel={account?.vendorLabel}
          timezones={timezones}
          errors={{ scheduleMode: errors.scheduleMode?.message, scheduledLocal: errors.scheduledLocal?.message, timezone: errors.timezone?.message }}
        />
        <Field
          label="Send rate (messages per second, optional)"
          type="number"
          min={1}
          {...register("ratePerSecond", { setValueAs: (v) => (v === "" ? undefined : Number(v)) })}
          error={errors.ratePerSecond?.message}
          hint={account ? `${account.name} sends at most ${account.rateLimitPerSecond} per second.` : undefined}
        />
        {error && <p role="alert" className="text-sm text-red-700" data-testid="composer-error">{error}</p>}
        <Button type="submit" disabled={busy}>{busy && !pending ? "Checking…" : "Review and send"}</Button>
      </form>
      <div className="space-y-4">
        <EstimatePanel estimate={live.data} loading={live.isFetching} error={live.error?.message} />
        <TestSend account={account} sender={values.sender} text={values.text ?? ""} optOutFooter={values.optOutFooter ?? false} timeZone={values.timezone ?? "UTC"} estimate={estimate} sendSingle={sendSingle} />
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.values.scheduleMode === "at" ? "Schedule this campaign?" : "Send this campaign?"}
        confirmLabel={
          pending?.values.scheduleMode === "at"
            ? "Schedule"
            : `Send to ${pending?.estimate.recipients.toLocaleString("en") ?? 0} ${pending?.estimate.recipients === 1 ? "recipient" : "recipients"}`
        }
        busy={busy}
        onClose={cancel}
        onConfirm={confirm}
      >
        {pending && account && (
          <LaunchSummary
            estimate={pending.estimate}
            accountName={account.name}
            startAt={startAt}
            timeZone={pending.values.timezone}
            gateway={pending.values.scheduleMode === "gateway" ? { vendorLabel: account.vendorLabel } : undefined}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}
