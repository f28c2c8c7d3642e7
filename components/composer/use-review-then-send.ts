"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { CampaignEstimate } from "@/lib/campaigns/estimate-campaign";
import { senderProblem } from "./sender-problem";
import type { ComposerAccount } from "./types";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

interface Options<V> {
  accounts: ComposerAccount[];
  /** Marks a field of the form as wrong (the account, the sender, or the field the audience lives in). */
  setFieldError(field: "providerAccountId" | "sender" | "audience", message: string): void;
  /** Shows the server's refusal: its per-field errors on the fields, its message above the button. */
  showServerErrors(failure: Failure): void;
  /** Why an audience of nobody cannot be sent to, in this form's words. */
  emptyAudience: string;
  estimate(values: V): Promise<ActionResult<CampaignEstimate>>;
  send(values: V): Promise<ActionResult<{ id: number }>>;
}

/**
 * What the composer and the single-message form share: check the account and sender, ask the server for
 * an estimate and hold it for the confirmation dialog; on confirmation, send and open the campaign.
 */
export function useReviewThenSend<V extends { providerAccountId: number; sender?: string }>(options: Options<V>) {
  const router = useRouter();
  const [pending, setPending] = useState<{ estimate: CampaignEstimate; values: V } | null>(null);
  const [busy, setBusy] = useState(false);

  const review = async (valid: V): Promise<boolean> => {
    const chosen = options.accounts.find((a) => a.id === valid.providerAccountId);
    if (!chosen?.enabled) return fail("providerAccountId", "This account is disabled; choose another.");
    const problem = senderProblem(chosen, valid.sender);
    if (problem) return fail("sender", problem);
    setBusy(true);
    const result = await options.estimate(valid);
    setBusy(false);
    if (!result.ok) {
      options.showServerErrors(result);
      return false;
    }
    if (result.data.recipients === 0) return fail("audience", options.emptyAudience);
    setPending({ estimate: result.data, values: valid });
    return true;
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await options.send(pending.values);
    setBusy(false);
    if (!result.ok) {
      setPending(null);
      return options.showServerErrors(result);
    }
    router.push(`/campaigns/${result.data.id}`);
  };

  function fail(field: "providerAccountId" | "sender" | "audience", message: string): false {
    options.setFieldError(field, message);
    return false;
  }

  return { pending, busy, review, confirm, cancel: () => setPending(null) };
}
