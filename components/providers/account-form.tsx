"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type FieldValues, type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import type { ActionResult } from "@/lib/auth/action";
import { accountFormSchema, type AccountFormInput } from "@/lib/providers/accounts/account.schema";
import type { VendorForm } from "@/lib/providers/accounts/vendor-form";
import { errorAt, formValuesFor, SchemaFields } from "./schema-fields";

const CUSTOM = "custom";

/** The account's current non-secret values when editing. */
export interface AccountFormInitial {
  id: number;
  name: string;
  baseUrl: string;
  defaultSender: string | null;
  rateLimitPerSecond: number;
  batchSize: number;
  timeoutMs: number;
  pricePerSegment: string;
  currency: string;
  options: Record<string, unknown>;
  /** Which credential fields have a stored value. */
  credentialsSet: Record<string, boolean>;
}

interface Props {
  vendor: VendorForm;
  initial?: AccountFormInitial;
  save: (input: AccountFormInput) => Promise<ActionResult<{ id: number }>>;
}

/** Adds or edits a provider account; the vendor's credential and option fields come from its schemas. */
export function AccountForm({ vendor, initial, save }: Props) {
  const router = useRouter();
  const selectId = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const firstUrl = vendor.baseUrls[0]?.url ?? "";
  const startUrl = initial?.baseUrl ?? firstUrl;
  const [choice, setChoice] = useState(vendor.baseUrls.some((b) => b.url === startUrl) ? startUrl : CUSTOM);

  const { register, handleSubmit, setError, setValue, formState } = useForm<FieldValues>({
    // The same schema the action parses; the vendor's own schemas are applied on the server.
    resolver: zodResolver(accountFormSchema) as unknown as Resolver<FieldValues>,
    defaultValues: {
      id: initial?.id,
      vendor: vendor.vendor,
      name: initial?.name ?? "",
      baseUrl: startUrl,
      defaultSender: initial?.defaultSender ?? "",
      rateLimitPerSecond: initial?.rateLimitPerSecond ?? 10,
      batchSize: initial?.batchSize ?? Math.min(100, vendor.maxBatchSize),
      timeoutMs: initial?.timeoutMs ?? 15_000,
      pricePerSegment: initial?.pricePerSegment ?? "0",
      currency: initial?.currency ?? "USD",
      credentials: Object.fromEntries(vendor.credentialFields.map((f) => [f.name, ""])),
      options: formValuesFor(vendor.optionFields, initial?.options),
    },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await save(values as AccountFormInput);
    if (result.ok) {
      if (initial) {
        setMessage({ ok: true, text: "Saved." });
        // Typed credentials are stored now; clear them so the page never keeps them around.
        for (const f of vendor.credentialFields) setValue(`credentials.${f.name}`, "");
        router.refresh();
      } else {
        router.push(`/providers/${result.data.id}`);
      }
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field, { message: text });
    setMessage({ ok: false, text: result.error });
  });

  const numeric = { valueAsNumber: true } as const;
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-label={initial ? "Account settings" : `New ${vendor.label} account`}>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`} data-testid="account-form-message">
          {message.text}
        </p>
      )}
      <section className="space-y-4">
        <Field label="Account name" {...register("name")} error={errorAt(errors, "name")} hint="Shown to marketers when they choose how to send." />
        <div>
          <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">Base URL</label>
          <select
            id={selectId}
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value);
              setValue("baseUrl", e.target.value === CUSTOM ? "" : e.target.value);
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {vendor.baseUrls.map((b) => <option key={b.url} value={b.url}>{b.label} — {b.url}</option>)}
            <option value={CUSTOM}>Custom URL…</option>
          </select>
          {choice !== CUSTOM && errorAt(errors, "baseUrl") && <p className="mt-1 text-xs text-red-700">{errorAt(errors, "baseUrl")}</p>}
        </div>
        {choice === CUSTOM && (
          <Field label="Custom base URL" type="url" placeholder="https://gateway.example.com" {...register("baseUrl")} error={errorAt(errors, "baseUrl")} />
        )}
      </section>

      <fieldset className="space-y-4">
        <legend className="text-base font-medium">Credentials</legend>
        {vendor.credentialFields.length === 0 ? (
          <p className="text-sm text-slate-600">This gateway needs no credentials.</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">Stored encrypted; they are never shown again, not even here.</p>
            <SchemaFields fields={vendor.credentialFields} prefix="credentials" register={register} errors={errors} secret={{ set: initial?.credentialsSet ?? {} }} />
          </>
        )}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-medium">Sending</legend>
        <Field label="Default sender (optional)" {...register("defaultSender")} error={errorAt(errors, "defaultSender")} hint="Sender ID used when a campaign names none." />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Rate limit (messages/second)" type="number" min={1} step={1} {...register("rateLimitPerSecond", numeric)} error={errorAt(errors, "rateLimitPerSecond")} />
          <Field label="Batch size" type="number" min={1} max={vendor.maxBatchSize} step={1} {...register("batchSize", numeric)} error={errorAt(errors, "batchSize")} hint={`Destinations per request; this gateway takes up to ${vendor.maxBatchSize}.`} />
          <Field label="Timeout (ms)" type="number" min={1000} step={1000} {...register("timeoutMs", numeric)} error={errorAt(errors, "timeoutMs")} hint="Past it, a send's outcome is unknown." />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Price per segment" inputMode="decimal" {...register("pricePerSegment")} error={errorAt(errors, "pricePerSegment")} />
          <Field label="Currency" maxLength={3} {...register("currency")} error={errorAt(errors, "currency")} hint="ISO code, e.g. USD or EUR." />
        </div>
      </fieldset>

      {vendor.optionFields.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="text-base font-medium">Gateway options</legend>
          <SchemaFields fields={vendor.optionFields} prefix="options" register={register} errors={errors} />
        </fieldset>
      )}

      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : initial ? "Save changes" : "Add account"}
      </Button>
    </form>
  );
}
