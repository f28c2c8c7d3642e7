"use server";

/**
 * Provider account actions: admins only (adminAction checks the role on the server before any body runs).
 * Results carry ids, connection answers and webhook URLs; never credentials or their ciphertext.
 */
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { config } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { accountFormSchema, accountIdSchema, setEnabledSchema, simulateReplySchema } from "@/lib/providers/accounts/account.schema";
import { getAccountOrThrow } from "@/lib/providers/accounts/load-account";
import { deleteAccount, setAccountEnabled } from "@/lib/providers/accounts/manage-account";
import { createAccount, updateAccount } from "@/lib/providers/accounts/save-account";
import { testConnection } from "@/lib/providers/accounts/test-connection";
import { rotateWebhookToken } from "@/lib/providers/accounts/webhook-token";
import { webhookUrls } from "@/lib/providers/accounts/webhook-urls";
import { simulateReply } from "@/lib/providers/simulator";

export const saveAccountAction = adminAction(accountFormSchema, async (input, actor) => {
  const key = config().encryptionKey;
  const saved = input.id ? await updateAccount(db(), actor.id, input.id, input, key) : await createAccount(db(), actor.id, input, key);
  revalidatePath("/providers", "layout");
  return saved;
});

export const setAccountEnabledAction = adminAction(setEnabledSchema, async ({ accountId, enabled }, actor) => {
  await setAccountEnabled(db(), actor.id, accountId, enabled);
  revalidatePath("/providers", "layout");
});

export const deleteAccountAction = adminAction(accountIdSchema, async ({ accountId }, actor) => {
  await deleteAccount(db(), actor.id, accountId);
  revalidatePath("/providers", "layout");
});

export const testConnectionAction = adminAction(accountIdSchema, async ({ accountId }) => testConnection(db(), accountId, config().encryptionKey));

export const rotateTokenAction = adminAction(accountIdSchema, async ({ accountId }, actor) => {
  const rotated = await rotateWebhookToken(db(), actor.id, accountId);
  revalidatePath(`/providers/${accountId}`);
  return { webhookUrls: webhookUrls(rotated), previousTokenExpiresAt: rotated.previousTokenExpiresAt.toISOString() };
});

export const simulateReplyAction = adminAction(simulateReplySchema, async ({ accountId, from, text }) => {
  const account = await getAccountOrThrow(db(), accountId);
  if (account.vendor !== "simulator") throw new UserError("Replies can only be simulated for simulator accounts.", 400);
  const result = await simulateReply(account, from, text);
  return result.ok
    ? { ok: true, message: `Posted to this account's inbound webhook (HTTP ${result.status}).` }
    : { ok: false, message: `The inbound webhook did not take it: ${result.reason}.` };
});
