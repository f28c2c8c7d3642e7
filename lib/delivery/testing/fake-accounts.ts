/**
 * Engine accounts pointed at the fake gateways, described as plain data so a test or benchmark can hand
 * the same description to a worker in another process (JSON on its command line) and to one in its own.
 */
import { bulksmsProvider } from "@/lib/providers/bulksms";
import { REPORT_URLS as BULKSMS_REPORT_URLS, settingsFor as bulksmsSettingsFor } from "@/lib/providers/bulksms/test-support";
import { didwwProvider } from "@/lib/providers/didww";
import { REPORT_URLS as DIDWW_REPORT_URLS, didwwSettingsFor } from "@/lib/providers/didww/test-support";
import { masivProvider } from "@/lib/providers/masiv";
import { masivOptionsSchema } from "@/lib/providers/masiv/settings";
import { NO_REPORT_URLS } from "@/lib/providers/masiv/test-support";
import { mttmProvider } from "@/lib/providers/mttm";
import { mttmOptionsSchema } from "@/lib/providers/mttm/settings";
import { UNUSED_REPORT_URLS } from "@/lib/providers/mttm/test-support";
import type { ProviderAdapter, ReportUrls } from "@/lib/providers/types";
import type { AccountLoader, EngineAccount } from "../engine-types";

/** One provider account row's engine view, pointing at a fake gateway. */
export interface FakeAccountSpec {
  /** The ProviderAccount row's id. */
  id: number;
  vendor: "didww" | "mttm" | "masiv" | "bulksms";
  /** The fake's base URL (MTTM: its REST URL; Masiv: `<url>/SmsHandlers`). */
  url: string;
  rateLimitPerSecond?: number;
  batchSize?: number;
  timeoutMs?: number;
  /** A disabled account is loaded but never sent through (used to launch a campaign without sending it). */
  enabled?: boolean;
  /** Vendor options, parsed by the vendor's schema (defaults apply). */
  options?: Record<string, unknown>;
  /** Where the gateway should call us back (MTTM batch callbacks and receipts); unused URLs otherwise. */
  reportUrls?: ReportUrls;
}

function adapterFor(spec: FakeAccountSpec, timeoutMs: number, batchSize: number): { adapter: ProviderAdapter; reportUrls: ReportUrls } {
  const common = { baseUrl: spec.url, timeoutMs, batchSize };
  switch (spec.vendor) {
    case "didww":
      return { adapter: didwwProvider.create(didwwSettingsFor({ url: spec.url }, { ...common, options: spec.options })), reportUrls: spec.reportUrls ?? DIDWW_REPORT_URLS };
    case "bulksms":
      return { adapter: bulksmsProvider.create(bulksmsSettingsFor({ url: spec.url }, { ...common, options: spec.options })), reportUrls: spec.reportUrls ?? BULKSMS_REPORT_URLS };
    case "masiv":
      return {
        adapter: masivProvider.create({ ...common, credentials: { username: "user", password: "secret" }, options: masivOptionsSchema.parse(spec.options ?? {}) }),
        reportUrls: spec.reportUrls ?? NO_REPORT_URLS,
      };
    case "mttm":
      return {
        adapter: mttmProvider.create({
          ...common,
          credentials: { username: "mttm-user", password: "mttm-pass" },
          options: mttmOptionsSchema.parse(spec.options ?? {}),
          defaultSender: "MTTM",
        }),
        reportUrls: spec.reportUrls ?? UNUSED_REPORT_URLS,
      };
  }
}

/** The engine's view of `spec`, with a fresh adapter (as the stored-account loader builds one per load). */
export function fakeEngineAccount(spec: FakeAccountSpec): EngineAccount {
  const timeoutMs = spec.timeoutMs ?? 5_000;
  const batchSize = spec.batchSize ?? 1000;
  return { id: spec.id, enabled: spec.enabled ?? true, rateLimitPerSecond: spec.rateLimitPerSecond ?? 100_000, batchSize, timeoutMs, ...adapterFor(spec, timeoutMs, batchSize) };
}

/** An AccountLoader over a fixed set of fake accounts; any other id cannot be used (as a deleted account). */
export function fakeAccountLoader(specs: FakeAccountSpec[]): AccountLoader {
  return async (accountId) => {
    const spec = specs.find((s) => s.id === accountId);
    if (!spec) throw new Error(`no fake account ${accountId}`);
    return fakeEngineAccount(spec);
  };
}
