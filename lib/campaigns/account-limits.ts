/**
 * The composer's view of a provider account: the vendor's capabilities under this account's options
 * (MTTM's REST transport schedules and its `maxSegments`; Masiv's `longMessages`), its price and rate.
 * Credentials are never read here, so the page can build it for every account without decrypting.
 */
import type { ProviderAccountModel } from "@/lib/db/client";
import { MASIV_LIMITS, masivOptionsSchema } from "@/lib/providers/masiv/settings";
import { mttmCapabilities } from "@/lib/providers/mttm/adapter";
import { mttmOptionsSchema } from "@/lib/providers/mttm/settings";
import { findProvider } from "@/lib/providers/registry";
import type { Capabilities, Vendor } from "@/lib/providers/types";
import type { MessageLimits } from "./message-limits";

/** What the composer needs to know about one account (plain data, safe to send to the browser). */
export interface ComposerAccount {
  id: number;
  name: string;
  vendor: Vendor;
  vendorLabel: string;
  enabled: boolean;
  /** False when this build has no adapter for the vendor (the account cannot send). */
  available: boolean;
  defaultSender: string | null;
  nativeSchedule: boolean;
  limits: MessageLimits;
  pricePerSegment: string;
  currency: string;
  rateLimitPerSecond: number;
}

type AccountRow = Pick<ProviderAccountModel, "id" | "name" | "vendor" | "enabled" | "defaultSender" | "options" | "pricePerSegment" | "currency" | "rateLimitPerSecond">;

function capabilitiesFor(vendor: Vendor, options: unknown, base: Capabilities): Capabilities {
  if (vendor === "mttm") {
    const parsed = mttmOptionsSchema.safeParse(options ?? {});
    return parsed.success ? mttmCapabilities(parsed.data) : base;
  }
  return base;
}

export function composerAccount(account: AccountRow): ComposerAccount {
  const vendor = account.vendor as Vendor;
  const definition = findProvider(vendor);
  const vendorLabel = definition?.label ?? vendor;
  const capabilities = definition ? capabilitiesFor(vendor, account.options, definition.capabilities) : undefined;
  const limits: MessageLimits = { vendorLabel, maxSegments: capabilities?.maxSegments };
  if (vendor === "masiv") {
    const options = masivOptionsSchema.safeParse(account.options ?? {});
    if (!options.success || !options.data.longMessages) limits.maxCharacters = MASIV_LIMITS.singleMessageChars;
  }
  return {
    id: account.id,
    name: account.name,
    vendor,
    vendorLabel,
    enabled: account.enabled,
    available: Boolean(definition),
    defaultSender: account.defaultSender,
    nativeSchedule: capabilities?.nativeSchedule ?? false,
    limits,
    pricePerSegment: account.pricePerSegment.toString(),
    currency: account.currency,
    rateLimitPerSecond: account.rateLimitPerSecond,
  };
}
