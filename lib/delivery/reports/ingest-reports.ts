/**
 * Stores and applies a webhook's or a poll's reports for one account. Calls that arrive while another
 * is being written are coalesced and committed together (a group commit): webhooks come one report per
 * request, several at once, and each transaction would otherwise update the same campaign and rollup rows
 * in turn. Every call still resolves only after its reports are committed, so a webhook is answered only
 * once its reports are safe. On PostgreSQL a round of plain status reports is a single statement, its own
 * transaction (apply-status-reports.postgres.ts): a round's cost there is round trips, not rows.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Sql } from "@/lib/db/sql";
import type { ReportEvent } from "@/lib/providers/types";
import { CounterDelta } from "../counters";
import { applyReport, type ApplyResult } from "./apply-report";
import { applyStatusReports, type StatusReport } from "./apply-status-reports";
import { applyStatusReportsPostgres, carriesOptOut } from "./apply-status-reports.postgres";

export type IngestTally = Record<ApplyResult, number>;

interface WaitingCall {
  events: ReportEvent[];
  resolve(tally: IngestTally): void;
  reject(error: unknown): void;
}

/** Calls waiting for the next commit, per executor and per account (and explicit `now`). */
const queues = new WeakMap<Sql, Map<string, WaitingCall[]>>();

/** `now` defaults to the commit's time; calls given one are grouped only with calls given the same. */
export function ingestReports(sql: Sql, accountId: number, events: ReportEvent[], now?: Date): Promise<IngestTally> {
  if (events.length === 0) return Promise.resolve(emptyTally());
  let byKey = queues.get(sql);
  if (!byKey) queues.set(sql, (byKey = new Map()));
  const key = `${accountId}|${now?.getTime() ?? "commit time"}`;
  return new Promise((resolve, reject) => {
    const waiting = byKey.get(key);
    if (waiting) return void waiting.push({ events, resolve, reject });
    const queue: WaitingCall[] = [{ events, resolve, reject }];
    byKey.set(key, queue);
    void commitWaiting(sql, accountId, now, queue, () => byKey.delete(key));
  });
}

/** Commits the queue's calls in rounds until none is left; calls arriving during a round join the next. */
async function commitWaiting(sql: Sql, accountId: number, now: Date | undefined, queue: WaitingCall[], done: () => void): Promise<void> {
  while (queue.length > 0) {
    // Let calls started in the same turn (answered callers sending their next report) join this round.
    await nextTurn();
    const calls = queue.splice(0);
    try {
      const tallies = await commitCalls(sql, accountId, calls.map((c) => c.events), now ?? new Date());
      calls.forEach((call, i) => call.resolve(tallies[i]));
    } catch (error) {
      if (calls.length === 1) calls[0].reject(error);
      // One call's reports must not fail the others': each is retried alone.
      else for (const call of calls) await commitCalls(sql, accountId, [call.events], now ?? new Date()).then(([tally]) => call.resolve(tally), call.reject);
    }
  }
  done();
}

/** Applies the calls' reports in arrival order in one transaction; returns one tally per call. */
async function commitCalls(sql: Sql, accountId: number, calls: ReportEvent[][], now: Date): Promise<IngestTally[]> {
  const events = calls.flat();
  const statusOnly = events.every((e): e is StatusReport => e.kind !== "batch-result");
  // On PostgreSQL a round of status reports without opt-outs is one statement, which is its own transaction.
  const results = sql.dialect === "postgres" && statusOnly && !carriesOptOut(events)
    ? await applyStatusReportsPostgres(sql, accountId, events, now)
    : await sql.transaction((tx) => applyInTransaction(tx, accountId, events, now));
  let at = 0;
  return calls.map((callEvents) => {
    const tally = emptyTally();
    for (let i = 0; i < callEvents.length; i++) tally[results[at++]] += 1;
    return tally;
  });
}

async function applyInTransaction(tx: Sql, accountId: number, events: ReportEvent[], now: Date): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  const counters = new CounterDelta();
  // Status reports go set-based in runs; a batch callback (MTTM) may name an id the next report needs, so it ends a run.
  let run: StatusReport[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    results.push(...(tx.dialect === "postgres" ? await applyStatusReportsPostgres(tx, accountId, run, now) : await applyStatusReports(tx, accountId, run, now, counters)));
    run = [];
  };
  for (const event of events) {
    if (event.kind !== "batch-result") run.push(event);
    else {
      await flush();
      results.push(await applyReport(tx, accountId, event, now, counters));
    }
  }
  await flush();
  await counters.write(tx);
  return results;
}

const emptyTally = (): IngestTally => ({ applied: 0, unchanged: 0, unmatched: 0 });
