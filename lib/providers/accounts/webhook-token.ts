/**
 * Webhook tokens: each account's webhook URLs carry an unguessable token. Rotating it keeps the previous
 * token valid for a grace period, so reports for messages already sent still arrive; only one previous
 * token is kept (a second rotation within the grace period ends the first one's).
 */
import { audit } from "@/lib/audit/audit";
import { randomToken } from "@/lib/crypto/token";
import type { Db, ProviderAccountModel as ProviderAccount } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

export const DEFAULT_TOKEN_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/** Gives the account a new token; the old one stays valid until the returned time. */
export async function rotateWebhookToken(
  db: Db,
  actorId: number | null,
  accountId: number,
  { now = new Date(), graceMs = DEFAULT_TOKEN_GRACE_MS }: { now?: Date; graceMs?: number } = {},
): Promise<{ webhookToken: string; previousTokenExpiresAt: Date }> {
  const previousTokenExpiresAt = new Date(now.getTime() + graceMs);
  return db.$transaction(async (tx) => {
    const account = await tx.providerAccount.findUnique({ where: { id: accountId }, select: { webhookToken: true } });
    if (!account) throw new NotFoundError("The provider account");
    const webhookToken = randomToken();
    await tx.providerAccount.update({
      where: { id: accountId },
      data: { webhookToken, previousWebhookToken: account.webhookToken, previousTokenExpiresAt },
    });
    // The tokens themselves are not recorded: they are as good as a password for the webhook routes.
    await audit(tx, {
      action: "provider.rotate_token",
      userId: actorId,
      targetType: "provider_account",
      targetId: accountId,
      details: { previousTokenExpiresAt: previousTokenExpiresAt.toISOString() },
    });
    return { webhookToken, previousTokenExpiresAt };
  });
}

/**
 * The account a webhook token belongs to: its current token, or its previous one until that expires.
 * Disabled accounts are returned too (reports for messages already sent must still be stored); null for
 * an unknown or expired token. Callers answer a null like a match (DESIGN.md, "Security boundaries").
 */
export async function findAccountByWebhookToken(db: Db, token: string, now: Date = new Date()): Promise<ProviderAccount | null> {
  // randomToken() gives 43 characters; anything far off is not ours and needs no query.
  if (token.length < 16 || token.length > 256) return null;
  return db.providerAccount.findFirst({
    where: { OR: [{ webhookToken: token }, { previousWebhookToken: token, previousTokenExpiresAt: { gt: now } }] },
  });
}
