/** The engine's default AccountLoader: stored account → adapter, with the webhook URLs built for it. */
import type { Db } from "@/lib/db/client";
import { adapterForAccount, getAccountOrThrow } from "@/lib/providers/accounts/load-account";
import { webhookUrls } from "@/lib/providers/accounts/webhook-urls";
import type { AccountLoader } from "./engine-types";

export function storedAccountLoader(db: Db, appUrl?: string): AccountLoader {
  return async (accountId) => {
    const account = await getAccountOrThrow(db, accountId);
    return {
      id: account.id,
      enabled: account.enabled,
      rateLimitPerSecond: account.rateLimitPerSecond,
      batchSize: account.batchSize,
      timeoutMs: account.timeoutMs,
      adapter: adapterForAccount(account),
      reportUrls: webhookUrls(account, appUrl),
    };
  };
}
