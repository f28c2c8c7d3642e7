"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { updateContactSchema } from "@/lib/contacts/contacts.schema";
import { updateContactAction } from "../actions";

type FormInput = z.input<typeof updateContactSchema>;

export function EditContactForm({ contact, fields, values }: { contact: { id: number; phone: string; firstName: string; lastName: string; country: string | null }; fields: { key: string; label: string }[]; values: Record<string, string> }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<FormInput>({
    resolver: zodResolver(updateContactSchema),
    defaultValues: { id: contact.id, phone: contact.phone, defaultCountry: contact.country, firstName: contact.firstName, lastName: contact.lastName, fields: Object.fromEntries(fields.map((f) => [f.key, values[f.key] ?? ""])) },
  });
  const onSubmit = handleSubmit(async (input) => {
    const result = await updateContactAction(input);
    if (result.ok) {
      setMessage({ ok: true, text: "Saved." });
      router.refresh();
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof FormInput, { message: text });
    setMessage({ ok: false, text: result.error });
  });
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-3" noValidate>
      <Field label="Phone" {...register("phone")} error={errors.phone?.message} hint="Any format; numbers without +country use the contact's country." />
      <Field label="First name" {...register("firstName")} error={errors.firstName?.message} />
      <Field label="Last name" {...register("lastName")} error={errors.lastName?.message} />
      {fields.map((f) => <Field key={f.key} label={f.label} {...register(`fields.${f.key}`)} />)}
      {message && <p role="status" className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>{message.text}</p>}
      <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Save"}</Button>
    </form>
  );
}
