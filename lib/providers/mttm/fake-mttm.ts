/**
 * A fake MTTM gateway behaving like the Jasmin deployment behind it: the REST API and the HTTP API on two
 * ports (as MTTM runs them, 8081 and 1402), one shared message store, forced errors per destination or for
 * the next messages, and Jasmin's calls back to us — batch callbacks/errbacks and level-1/level-2 delivery
 * reports to the URLs given in the requests, fired by the test (`manual`), right after each request
 * (`auto`, in either order), or never (`off`, for benchmarks).
 */
import { startFakeServer, type FakeServer } from "../shared/fake-server";
import type { MttmError, MttmFakeMessage } from "./fake-mttm-core";
import { httpHandler } from "./fake-mttm-http";
import { deliverBatchResult, deliverReport, type MttmBatchResult, type MttmDelivery, type MttmReport } from "./fake-mttm-notify";
import { restHandler } from "./fake-mttm-rest";

export { MTTM_ERRORS, type MttmError, type MttmFakeMessage } from "./fake-mttm-core";
export type { MttmBatchResult, MttmDelivery, MttmReport } from "./fake-mttm-notify";

export interface MttmFakeOptions {
  username?: string;
  password?: string;
  /** Keep accepted messages, requests, results and deliveries (off in benchmarks: only counts are kept). */
  record?: boolean;
  /** `document` (default): the MTTM document's replies; `jasmin`: Jasmin's code (see fake-mttm-rest.ts). */
  replyStyle?: "document" | "jasmin";
  /** When batch callbacks and delivery reports are sent (default `manual`). */
  callbacks?: "manual" | "auto" | "off";
  /** `auto` mode: the level-2 status to report, and whether reports overtake the batch callback. */
  autoReports?: { level2Status?: string; order?: "callbacks-first" | "reports-first" };
  /** Jasmin's `long_content_max_parts` (5): longer messages are silently cut. */
  maxParts?: number;
  /** The gateway's local zone, for `schedule_at` datetimes and report dates. */
  timeZone?: string;
  restPort?: number;
  httpPort?: number;
}

export interface MttmFake {
  /** Base URL of the REST API (`/ping`, `/secure/send`, `/secure/sendbatch`). */
  restUrl: string;
  /** Base URL of the HTTP API (`/ping`, `/send`). */
  httpUrl: string;
  /** The underlying servers, for recorded requests and transport faults (hang, drop, malformed). */
  rest: FakeServer;
  http: FakeServer;
  /** Every message accepted, in order (empty with `record: false`). */
  accepted: MttmFakeMessage[];
  /** Messages accepted so far, kept even with `record: false`. */
  readonly acceptedCount: number;
  /** Every per-recipient batch result (empty with `record: false`). */
  batchResults: MttmBatchResult[];
  /** Every call the fake made to us (empty with `record: false`). */
  deliveries: MttmDelivery[];
  /** The next `times` messages to `to` (digits, with or without `+`) fail with `error`. */
  failDestination(to: string, error: MttmError, times?: number): void;
  /** The next `times` messages to any destination fail with `error` (in a batch: per recipient, as errbacks). */
  failNext(error: MttmError, times?: number): void;
  /** The next `times` requests to one API are answered with `error`, as that API words it, before any processing. */
  failNextRequest(api: "rest" | "http", error: MttmError, times?: number): void;
  /** `manual` mode: sends the pending callbacks/errbacks (of one batch, or all). */
  fireBatchCallbacks(batchId?: string): Promise<MttmDelivery[]>;
  /** Throws a delivery report for an accepted message to its `dlr-url` (needs `record`). */
  sendReport(messageId: string, report: MttmReport): Promise<MttmDelivery>;
  /** Resolves when every `auto` call in flight has been answered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

type Forced = { error: MttmError; remaining: number };

/** Starts both APIs on 127.0.0.1. */
export async function startMttmFake(options: MttmFakeOptions = {}): Promise<MttmFake> {
  const record = options.record !== false;
  const mode = options.callbacks ?? "manual";
  const timeZone = options.timeZone ?? "UTC";
  const accepted: MttmFakeMessage[] = [];
  const byId = new Map<string, MttmFakeMessage>();
  const batchResults: MttmBatchResult[] = [];
  let pending: MttmBatchResult[] = [];
  const deliveries: MttmDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const byDestination = new Map<string, Forced>();
  const next: Forced[] = [];
  let acceptedCount = 0;

  const take = (forced: Forced | undefined) => {
    if (!forced) return undefined;
    forced.remaining -= 1;
    return forced.error;
  };
  const noted = async (delivery: Promise<MttmDelivery>) => {
    const done = await delivery;
    if (record) deliveries.push(done);
    return done;
  };
  const autoReports = async (message: MttmFakeMessage) => {
    if (!message.dlr) return;
    if (message.dlr.level !== 2) await noted(deliverReport(message, { level: 1 }, timeZone));
    if (message.dlr.level !== 1) await noted(deliverReport(message, { level: 2, status: options.autoReports?.level2Status ?? "DELIVRD" }, timeZone));
  };
  const inBackground = (work: () => Promise<unknown>) => {
    const promise = work().finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  };
  const notify = async (result: MttmBatchResult) => {
    if (result.url) await noted(deliverBatchResult({ ...result, url: result.url }));
  };

  const gateway = {
    username: options.username ?? "mttm-user",
    password: options.password ?? "mttm-pass",
    maxParts: options.maxParts ?? 5,
    replyStyle: options.replyStyle ?? "document",
    timeZone,
    takeForcedError(to: string) {
      const key = to.replace(/^\+/, "");
      const forced = byDestination.get(key);
      if (forced && forced.remaining > 0) return take(forced);
      while (next.length > 0 && next[0].remaining <= 0) next.shift();
      return take(next[0]);
    },
    accept(message: MttmFakeMessage) {
      acceptedCount += 1;
      if (record) {
        accepted.push(message);
        byId.set(message.id, message);
      }
      if (mode === "auto" && message.via !== "rest-batch") inBackground(() => autoReports(message));
    },
    batchDone(results: MttmBatchResult[], batchAccepted: MttmFakeMessage[]) {
      if (record) batchResults.push(...results);
      if (mode === "manual") pending.push(...results);
      if (mode !== "auto") return;
      const messages = new Map(batchAccepted.map((m) => [m.id, m]));
      const reportsFirst = options.autoReports?.order === "reports-first";
      for (const result of results) {
        const message = result.messageId ? messages.get(result.messageId) : undefined;
        inBackground(async () => {
          if (reportsFirst && message) await autoReports(message);
          await notify(result);
          if (!reportsFirst && message) await autoReports(message);
        });
      }
    },
  };

  const rest = await startFakeServer(restHandler(gateway), { record, port: options.restPort });
  const http = await startFakeServer(httpHandler(gateway), { record, port: options.httpPort });

  return {
    restUrl: rest.url,
    httpUrl: http.url,
    rest,
    http,
    accepted,
    get acceptedCount() {
      return acceptedCount;
    },
    batchResults,
    deliveries,
    failDestination(to, error, times = 1) {
      byDestination.set(to.replace(/^\+/, ""), { error, remaining: times });
    },
    failNext(error, times = 1) {
      next.push({ error, remaining: times });
    },
    failNextRequest(api, error, times = 1) {
      if (api === "rest") {
        const body = JSON.stringify({ message: `Error "${error.text}"` });
        rest.inject({ type: "status", status: error.status, body, contentType: "application/json" }, times);
      } else http.inject({ type: "status", status: error.status, body: `Error "${error.text}"`, contentType: "text/plain" }, times);
    },
    async fireBatchCallbacks(batchId) {
      const due = pending.filter((r) => batchId === undefined || r.batchId === batchId);
      pending = batchId === undefined ? [] : pending.filter((r) => r.batchId !== batchId);
      const done: MttmDelivery[] = [];
      for (const result of due) if (result.url) done.push(await noted(deliverBatchResult({ ...result, url: result.url })));
      return done;
    },
    sendReport(messageId, report) {
      const message = byId.get(messageId);
      if (!message) throw new Error(`no accepted message ${messageId} (is record on?)`);
      return noted(deliverReport(message, report, timeZone));
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await Promise.all([rest.close(), http.close()]);
    },
  };
}
