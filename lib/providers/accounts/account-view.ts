/**
 * What pages may show of provider accounts. Fields are picked one by one (never a spread row) so that
 * credentials, their ciphertext and the previous webhook token can never reach the browser: of the
 * credentials a page learns only which fields are set.
 */
import type { Db } from "@/lib/db/client";
import { DecryptionError } from "@/lib/crypto/secret-box";
import { findProvider } from "../registry";
import type { Capabilities, ReportUrls, Vendor } from "../types";
import { credentialFieldsSet, decryptCredentials } from "./credentials";
import { fieldsFromSchema } from "./form-fields";
import { getAccountOrThrow } from "./load-account";
import { webhookUrls } from "./webhook-urls";

export interface AccountSummary {
  id: number;
  vendor: Vendor;
  vendorLabel: string;
  name: string;
  baseUrl: string;
  defaultSender: string | null;
  rateLimitPerSecond: number;
  batchSize: number;
  enabled: boolean;
  campaignCount: number;
}

export interface AccountDetails extends AccountSummary {
  timeoutMs: number;
  pricePerSegment: string;
  currency: string;
  /** Non-secret vendor options, as stored. */
  options: Record<string, unknown>;
  /** Which credential fields have a stored value; `readable` is false when the key cannot decrypt them. */
  credentials: { readable: boolean; set: Record<string, boolean> };
  webhookUrls: ReportUrls;
  /** Until when the URLs with the previous token still work (ISO), if a rotation is in its grace period. */
  previousTokenExpiresAt: string | null;
  capabilities: Capabilities | null;
}

export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  const accounts = await db.providerAccount.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      vendor: true,
      name: true,
      baseUrl: true,
      defaultSender: true,
      rateLimitPerSecond: true,
      batchSize: true,
      enabled: true,
      _count: { select: { campaigns: true } },
    },
  });
  return accounts.map(({ _count, ...a }) => ({ ...a, vendorLabel: findProvider(a.vendor)?.label ?? a.vendor, campaignCount: _count.campaigns }));
}

/** One account for its page; `appUrl` defaults to the configured APP_URL. */
export async function getAccountDetails(db: Db, accountId: number, key: Buffer, appUrl?: string, now = new Date()): Promise<AccountDetails> {
  const a = await getAccountOrThrow(db, accountId);
  const campaignCount = await db.campaign.count({ where: { providerAccountId: accountId } });
  const definition = findProvider(a.vendor);
  const names = definition ? fieldsFromSchema(definition.credentialsSchema).map((f) => f.name) : [];
  let credentials: AccountDetails["credentials"];
  try {
    credentials = { readable: true, set: credentialFieldsSet(decryptCredentials(a.credentialsEncrypted, key), names) };
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    credentials = { readable: false, set: Object.fromEntries(names.map((n) => [n, false])) };
  }
  const graceOpen = a.previousTokenExpiresAt !== null && a.previousTokenExpiresAt > now;
  return {
    id: a.id,
    vendor: a.vendor,
    vendorLabel: definition?.label ?? a.vendor,
    name: a.name,
    baseUrl: a.baseUrl,
    defaultSender: a.defaultSender,
    rateLimitPerSecond: a.rateLimitPerSecond,
    batchSize: a.batchSize,
    enabled: a.enabled,
    campaignCount,
    timeoutMs: a.timeoutMs,
    pricePerSegment: a.pricePerSegment.toString(),
    currency: a.currency,
    options: (a.options ?? {}) as Record<string, unknown>,
    credentials,
    webhookUrls: webhookUrls(a, appUrl),
    previousTokenExpiresAt: graceOpen ? a.previousTokenExpiresAt!.toISOString() : null,
    capabilities: definition?.capabilities ?? null,
  };
}
