/** What the engine needs to know about a provider account, and how it gets an adapter for one. */
import type { ProviderAdapter, ReportUrls } from "@/lib/providers/types";

export interface EngineAccount {
  id: number;
  enabled: boolean;
  rateLimitPerSecond: number;
  batchSize: number;
  timeoutMs: number;
  adapter: ProviderAdapter;
  reportUrls: ReportUrls;
}

/** Loads an enabled or disabled account with a fresh adapter; throws when its settings cannot be used. */
export type AccountLoader = (accountId: number) => Promise<EngineAccount>;
