"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { MessageEditor } from "@/components/composer/message-editor";
import type { ActionResult } from "@/lib/auth/action";
import { type TemplateInput, templateSchema } from "@/lib/templates/template.schema";

interface Props {
  initial?: TemplateInput;
  mergeFields: string[];
  submitLabel: string;
  save: (input: TemplateInput) => Promise<ActionResult<{ id: number }>>;
}

/** Name and body of a template, with the live counter; the server checks the merge fields again on save. */
export function TemplateForm({ initial, mergeFields, submitLabel, save }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, watch, setValue, setError: setFieldError, formState } = useForm<TemplateInput>({
    resolver: zodResolver(templateSchema),
    defaultValues: initial ?? { name: "", body: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await save(values);
    if (result.ok) {
      router.push("/templates");
      router.refresh();
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setFieldError(field as keyof TemplateInput, { message: text });
    setError(result.error);
  });
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <Field label="Name" {...register("name")} error={errors.name?.message} />
      <MessageEditor
        label="Message"
        {...register("body")}
        text={watch("body") ?? ""}
        error={errors.body?.message}
        mergeFields={mergeFields}
        onReplace={(replaced) => setValue("body", replaced, { shouldDirty: true, shouldValidate: formState.isSubmitted })}
      />
      {error && <p role="alert" className="text-sm text-red-700" data-testid="template-error">{error}</p>}
      <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
