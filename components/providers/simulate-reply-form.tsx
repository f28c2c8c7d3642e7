"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import type { ActionResult } from "@/lib/auth/action";
import { simulateReplySchema } from "@/lib/providers/accounts/account.schema";

type Input = z.input<typeof simulateReplySchema>;

interface Props {
  accountId: number;
  simulate: (input: Input) => Promise<ActionResult<{ ok: boolean; message: string }>>;
}

/** Posts a reply "from" a number to the simulator account's inbound webhook, as its gateway would. */
export function SimulateReplyForm({ accountId, simulate }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Input>({
    resolver: zodResolver(simulateReplySchema),
    defaultValues: { accountId, from: "", text: "STOP" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await simulate(values);
    if (!result.ok) {
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof Input, { message: text });
      setMessage({ ok: false, text: result.error });
      return;
    }
    setMessage({ ok: result.data.ok, text: result.data.message });
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Simulate a reply">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="From number" placeholder="+31612345678" {...register("from")} error={formState.errors.from?.message} />
        <Field label="Reply text" {...register("text")} error={formState.errors.text?.message} hint="STOP opts the number out." />
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} data-testid="simulate-reply-message" className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>Simulate reply</Button>
    </form>
  );
}
