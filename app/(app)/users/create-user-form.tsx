"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/users/users.schema";
import { createUserAction } from "./actions";

type FormInput = z.input<typeof createUserSchema>;

export function CreateUserForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<FormInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { role: "MARKETER", timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = await createUserAction(values);
    if (result.ok) {
      setMessage({ ok: true, text: `Created ${result.data.email}.` });
      reset();
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof FormInput, { message: text });
    setMessage({ ok: false, text: result.error });
  });

  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      <Field label="Email" type="email" {...register("email")} error={errors.email?.message} />
      <Field label="Name (optional)" {...register("name")} error={errors.name?.message} />
      <div>
        <label htmlFor="new-user-role" className="block text-sm font-medium text-slate-700">Role</label>
        <select id="new-user-role" {...register("role")} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </div>
      <Field label="Initial password" type="password" autoComplete="new-password" {...register("password")} error={errors.password?.message} hint="At least 10 characters; share it with the user privately." />
      <Field label="Timezone" {...register("timezone")} error={errors.timezone?.message} />
      {message && (
        <p role="status" className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`} data-testid="create-user-message">{message.text}</p>
      )}
      <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Creating…" : "Create user"}</Button>
    </form>
  );
}
