/**
 * The delivery engine's loop. It launches due campaigns, claims batches within each account's rate limit
 * and concurrency bound, hands them to the adapters and records the outcomes, and runs the periodic
 * chores. The message table is the source of truth: any number of workers may run on PostgreSQL, one per
 * SQLite file, and a worker killed at any instant loses nothing (see housekeeping.ts).
 */
import { randomUUID } from "node:crypto";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import type { Sql } from "@/lib/db/sql";
import { claimMessages } from "./claim";
import type { AccountLoader, EngineAccount } from "./engine-types";
import { completeFinishedCampaigns, expireMessages, recoverStaleClaims } from "./housekeeping";
import { pollInboundMessages } from "./inbound/poll-inbound";
import { pollDueReports } from "./poll-reports";
import { returnTokens, takeTokens } from "./rate-limit";
import { expireUnmatched } from "./reports/pending-reports";
import { type BatchCampaign, sendClaimed } from "./send-batch";

export interface WorkerOptions {
  sql: Sql;
  loadAccount: AccountLoader;
  workerId?: string;
  /** Requests in flight per account. */
  maxInFlightPerAccount?: number;
  /** A message `sending` for longer than this is considered abandoned by a dead worker. */
  staleClaimMs?: number;
  /**
   * Messages claimed per batch for gateways that take one message per request (1000): the adapter sends a
   * batch's requests concurrently within its own bound, so a larger batch costs the database less per message
   * (claim, request-started mark and outcomes are a transaction each per batch: 51 µs of CPU per message
   * in batches of 200, 37 µs in batches of 1000, in scripts/bench/send/engine-cycle.ts). The price: a
   * worker killed mid-batch leaves up to this many messages per batch in flight `unknown`, as a batch is
   * marked started before its first request leaves.
   */
  singleMessageClaim?: number;
  log?: (message: string) => void;
}

interface ActiveCampaign extends BatchCampaign {
  providerAccountId: number;
  ratePerSecond: number | null;
}

const ACCOUNT_CACHE_MS = 5000;
const SINGLE_MESSAGE_CLAIM = 1000;
const CHORES_EVERY_MS = 2000;
const INBOUND_POLL_EVERY_MS = 15_000;

export class DeliveryWorker {
  readonly workerId: string;
  private readonly inFlight = new Map<number, number>();
  private readonly pausedUntil = new Map<number, number>();
  private readonly accounts = new Map<number, { account: EngineAccount; loadedAt: number }>();
  private readonly launching = new Set<number>();
  /** Polling chores running in the background (see `inBackground`). */
  private readonly polling = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private lastChores = 0;
  private lastInboundPoll = 0;
  /** Ends the loop's current sleep: a finished request frees a slot for the next batch at once. */
  private wake: () => void = () => {};

  constructor(private readonly options: WorkerOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  }

  private get sql() {
    return this.options.sql;
  }

  /** Runs until `signal` aborts, then waits for requests in flight to be recorded. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let dispatched = 0;
      try {
        dispatched = await this.tick();
      } catch (error) {
        this.log(`tick failed: ${(error as Error).stack ?? error}`);
      }
      await this.pause(dispatched > 0 ? 5 : 50, signal);
    }
    await this.drain();
  }

  /** Waits for every send and launch started by this worker. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** One round of work; returns how many batches were dispatched. */
  async tick(now = new Date()): Promise<number> {
    if (now.getTime() - this.lastChores >= CHORES_EVERY_MS) {
      this.lastChores = now.getTime();
      await this.chores(now);
    }
    let dispatched = 0;
    for (const campaign of await this.activeCampaigns()) dispatched += await this.dispatch(campaign);
    return dispatched;
  }

  /** Each chore runs on its own: one failing must not stop the others. */
  private async chores(now: Date): Promise<void> {
    const staleBefore = new Date(now.getTime() - (this.options.staleClaimMs ?? 60_000));
    const chores: [string, () => Promise<unknown>][] = [
      ["recover abandoned claims", async () => {
        const recovered = await recoverStaleClaims(this.sql, staleBefore, now);
        if (recovered.requeued + recovered.unknown > 0) this.log(`recovered abandoned claims: ${recovered.requeued} re-queued, ${recovered.unknown} unknown`);
      }],
      ["expire messages", () => expireMessages(this.sql, now)],
      ["complete campaigns", () => completeFinishedCampaigns(this.sql, now)],
      ["expire unmatched reports", () => expireUnmatched(this.sql, now)],
      ["launch due campaigns", () => this.startDueLaunches(now)],
    ];
    for (const [name, chore] of chores) {
      try {
        await chore();
      } catch (error) {
        this.log(`${name} failed: ${(error as Error).message}`);
      }
    }
    this.inBackground("poll reports", () => pollDueReports(this.sql, (id) => this.account(id), now));
    if (now.getTime() - this.lastInboundPoll >= INBOUND_POLL_EVERY_MS) {
      this.lastInboundPoll = now.getTime();
      this.inBackground("poll inbound", () => pollInboundMessages(this.sql, (id) => this.account(id), now));
    }
  }

  /**
   * Runs a polling chore beside the sending, one of each kind at a time: a poll waits on a gateway round
   * trip per message (seconds with a slow gateway), and awaited here it would hold up every campaign's sending.
   */
  private inBackground(name: string, chore: () => Promise<unknown>): void {
    if (this.polling.has(name)) return;
    this.polling.add(name);
    this.track(
      chore()
        .catch((error) => this.log(`${name} failed: ${(error as Error).message}`))
        .finally(() => this.polling.delete(name)),
    );
  }

  /** Scheduled campaigns whose time came, and launches left unfinished (by a crash or by the UI). */
  private async startDueLaunches(now: Date): Promise<void> {
    const due = await this.sql.all<{ id: number; status: string; scheduledAt: string | Date | null; validityHours: number }>(
      `SELECT "id", "status", "scheduledAt", "validityHours" FROM "Campaign"
       WHERE ("status" = 'scheduled' AND "scheduledAt" <= ?)
          OR ("status" = 'sending' AND "launchedAt" IS NULL AND ("launchLeaseUntil" IS NULL OR "launchLeaseUntil" < ?))`,
      [now, now],
    );
    for (const campaign of due) {
      const id = Number(campaign.id);
      if (this.launching.has(id)) continue;
      const scheduledAt = campaign.scheduledAt ? new Date(campaign.scheduledAt) : null;
      if (campaign.status === "scheduled" && scheduledAt && scheduledAt.getTime() + campaign.validityHours * 3600_000 < now.getTime()) {
        await this.sql.run(`UPDATE "Campaign" SET "status" = 'failed', "failureReason" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'scheduled'`, ["Its scheduled time and validity passed while the app was down.", now, id]);
        continue;
      }
      this.launching.add(id);
      this.track(launchCampaign(this.sql, id).finally(() => this.launching.delete(id)));
    }
  }

  private async activeCampaigns(): Promise<ActiveCampaign[]> {
    const rows = await this.sql.all<ActiveCampaign & { scheduledAt: string | Date | null }>(
      `SELECT "id", "providerAccountId", "sender", "scheduleMode", "scheduledAt", "ratePerSecond" FROM "Campaign" WHERE "status" = 'sending' AND "queuedCount" > 0 ORDER BY "id"`,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), providerAccountId: Number(r.providerAccountId), scheduledAt: r.scheduledAt ? new Date(r.scheduledAt) : null }));
  }

  /** Claims and sends batches of one campaign while its account has tokens and free request slots. */
  private async dispatch(campaign: ActiveCampaign): Promise<number> {
    const account = await this.account(campaign.providerAccountId);
    if (!account?.enabled || (this.pausedUntil.get(account.id) ?? 0) > Date.now()) return 0;
    const capabilities = account.adapter.capabilities;
    const claimSize = capabilities.maxBatchSize <= 1 ? (this.options.singleMessageClaim ?? SINGLE_MESSAGE_CLAIM) : Math.max(1, Math.min(account.batchSize, capabilities.maxBatchSize));
    const maxInFlight = this.options.maxInFlightPerAccount ?? 4;
    let dispatched = 0;
    while ((this.inFlight.get(account.id) ?? 0) < maxInFlight) {
      const granted = await this.takeTokens(account, campaign, claimSize);
      if (granted === 0) break;
      const claimed = await claimMessages(this.sql, { campaignId: campaign.id, accountId: account.id, workerId: this.workerId, limit: granted, now: new Date() });
      await this.giveBack(account, campaign, granted - claimed.length);
      if (claimed.length === 0) break;
      this.inFlight.set(account.id, (this.inFlight.get(account.id) ?? 0) + 1);
      dispatched += 1;
      this.track(
        sendClaimed(this.sql, account, campaign, claimed)
          .then((result) => {
            // A throughput refusal slows the account down instead of failing messages.
            if (result.backoffMs > 0) this.pausedUntil.set(account.id, Date.now() + result.backoffMs);
          })
          .finally(() => {
            this.inFlight.set(account.id, (this.inFlight.get(account.id) ?? 1) - 1);
            this.wake();
          }),
      );
    }
    return dispatched;
  }

  private async takeTokens(account: EngineAccount, campaign: ActiveCampaign, want: number): Promise<number> {
    let granted = (await takeTokens(this.sql, `account:${account.id}`, want, account.rateLimitPerSecond)).granted;
    if (granted > 0 && campaign.ratePerSecond) {
      const forCampaign = (await takeTokens(this.sql, `campaign:${campaign.id}`, granted, campaign.ratePerSecond)).granted;
      await returnTokens(this.sql, `account:${account.id}`, granted - forCampaign, account.rateLimitPerSecond);
      granted = forCampaign;
    }
    return granted;
  }

  private async giveBack(account: EngineAccount, campaign: ActiveCampaign, unused: number): Promise<void> {
    if (unused <= 0) return;
    await returnTokens(this.sql, `account:${account.id}`, unused, account.rateLimitPerSecond);
    if (campaign.ratePerSecond) await returnTokens(this.sql, `campaign:${campaign.id}`, unused, campaign.ratePerSecond);
  }

  private async account(accountId: number): Promise<EngineAccount | undefined> {
    const cached = this.accounts.get(accountId);
    if (cached && Date.now() - cached.loadedAt < ACCOUNT_CACHE_MS) return cached.account;
    try {
      const account = await this.options.loadAccount(accountId);
      this.accounts.set(accountId, { account, loadedAt: Date.now() });
      return account;
    } catch (error) {
      this.log(`provider account ${accountId} cannot be used: ${(error as Error).message}`);
      return undefined;
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error) => this.log(`background work failed: ${(error as Error).stack ?? error}`));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  /** Sleeps `ms`, or less when a request finishes (`wake`) or the worker is stopped. */
  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.wake = () => {};
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
      this.wake = done;
    });
  }

  private log(message: string): void {
    (this.options.log ?? console.log)(`[${this.workerId}] ${message}`);
  }
}
