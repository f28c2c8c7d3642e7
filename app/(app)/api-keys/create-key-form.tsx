"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { API_SCOPES, createApiKeySchema, type CreateApiKeyInput, SCOPE_LABELS } from "@/lib/api-keys/api-key.schema";
import { createApiKeyAction } from "./actions";

/** Creates a key and shows it once, with a copy button; after leaving the page only its prefix remains. */
export function CreateKeyForm() {
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { register, handleSubmit, reset, setError: setFieldError, formState } = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", scope: "send" },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = await createApiKeyAction(values);
    if (!result.ok) {
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setFieldError(field as keyof CreateApiKeyInput, { message: text });
      setError(result.error);
      return;
    }
    setError(null);
    setCopied(false);
    setCreated({ name: result.data.name, key: result.data.key });
    reset();
  });

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-sm" data-testid="new-api-key">
          <p className="font-medium">Key “{created.name}” created. Copy it now: it will not be shown again.</p>
          <label htmlFor="new-key-value" className="sr-only">New API key</label>
          <div className="mt-2 flex gap-2">
            <input id="new-key-value" readOnly value={created.key} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={async () => { await navigator.clipboard.writeText(created.key); setCopied(true); }}>
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Name" hint="The system that will use it, e.g. “Shop backend”." {...register("name")} error={formState.errors.name?.message} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scope</legend>
          <div className="mt-1 space-y-1">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="radio" value={scope} {...register("scope")} className="mt-1" />
                <span>{SCOPE_LABELS[scope]}</span>
              </label>
            ))}
          </div>
          {formState.errors.scope && <p role="alert" className="mt-1 text-xs text-red-700">{formState.errors.scope.message}</p>}
        </fieldset>
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Creating…" : "Create key"}</Button>
      </form>
    </div>
  );
}
