/**
 * The MTTM adapter: checks each message against what Jasmin would silently mangle (more than
 * `maxSegments` parts, a sender networks drop), then hands the rest over through the account's transport.
 * REST sends one message through `/secure/send` (its id comes back at once) and several, or any scheduled
 * send, through `/secure/sendbatch` (ids come later through the batch callbacks); HTTP sends one `GET /send`
 * per message.
 */
import { validateSenderId } from "@/lib/sms/sender-id";
import type { Capabilities, OutgoingMessage, ProviderAdapter, SendOutcome, SendRequest } from "../types";
import { testMttmConnection } from "./connection";
import { parseMttmReport } from "./reports";
import { scheduleAtParam } from "./schedule";
import type { MttmOptions, MttmSettings } from "./settings";
import { sendHttp, sendRestBatch, sendRestSingle } from "./transport";
import { MAX_BATCH_DESTINATIONS, jasminNumber, type BatchMember, type CommonParams } from "./wire";

/** What an account can do; the HTTP API has no batches and no scheduling. */
export function mttmCapabilities(options: Pick<MttmOptions, "transport" | "maxSegments">): Capabilities {
  const rest = options.transport === "rest";
  return {
    maxBatchSize: rest ? MAX_BATCH_DESTINATIONS : 1,
    nativeSchedule: rest,
    unicode: true,
    maxSegments: options.maxSegments,
    reports: { webhook: true, poll: false },
    inbound: { webhook: false, poll: false },
  };
}

/** Builds the adapter for one account (fresh per call; it keeps no state between calls). */
export function createMttmAdapter(settings: MttmSettings): ProviderAdapter {
  return {
    vendor: "mttm",
    capabilities: mttmCapabilities(settings.options),
    send: (request) => sendMessages(settings, request),
    // The report parser tells callbacks from receipts by their fields, so the webhook kind is not needed.
    parseReport: (_kind, raw) => parseMttmReport(raw, settings.options.timeZone),
    testConnection: (signal) => testMttmConnection(settings, signal),
  };
}

async function sendMessages(settings: MttmSettings, request: SendRequest): Promise<SendOutcome[]> {
  const outcomes = new Map<string, SendOutcome>();
  let failure = "";
  try {
    const ready = preflight(settings, request, outcomes);
    for (const outcome of (await handOver(settings, request, ready)).flat()) outcomes.set(outcome.attemptId, outcome);
  } catch (error) {
    // A bug must not lose messages: those without an outcome may already have left, so they become unknown.
    failure = error instanceof Error ? error.message : String(error);
  }
  return request.messages.map(
    (m) => outcomes.get(m.attemptId) ?? { kind: "unknown", attemptId: m.attemptId, reason: `adapter error: ${failure || "no outcome"}` },
  );
}

/** Rejects what must not be sent (recording why) and returns the rest with their Jasmin numbers. */
function preflight(settings: MttmSettings, request: SendRequest, outcomes: Map<string, SendOutcome>): BatchMember[] {
  const { options } = settings;
  const reject = (m: OutgoingMessage, code: string, reason: string) => outcomes.set(m.attemptId, { kind: "rejected", attemptId: m.attemptId, code, reason });
  const sender = senderOf(settings, request);
  const check = sender === undefined ? undefined : validateSenderId("mttm", sender);
  const problem = check && !check.ok ? check.message : undefined;
  const ready: BatchMember[] = [];
  for (const message of request.messages) {
    const to = jasminNumber(message.to);
    if (problem) reject(message, "invalid-sender", problem);
    else if (request.scheduleAt && options.transport === "http") {
      reject(message, "schedule-unsupported", "the MTTM HTTP API cannot schedule; use the REST transport or app-side scheduling");
    } else if (!to) reject(message, "invalid-number", `${message.to} is not an E.164 number`);
    else if (message.segments > options.maxSegments) {
      reject(
        message,
        "too-many-segments",
        `${message.segments} parts; the gateway cuts messages after ${options.maxSegments} parts without saying so (account option maxSegments)`,
      );
    } else ready.push({ message, to });
  }
  return ready;
}

function handOver(settings: MttmSettings, request: SendRequest, ready: BatchMember[]): Promise<SendOutcome[][]> {
  if (ready.length === 0) return Promise.resolve([]);
  const { options } = settings;
  const common: CommonParams = {
    from: senderOf(settings, request),
    dlr: options.deliveryReports ? { url: request.reportUrls.deliveryReport, level: options.dlrLevel, method: options.dlrMethod } : undefined,
  };
  if (options.transport === "http") return sequentially(ready, (member) => sendHttp(settings, member, common, request.signal));
  const scheduleAt = request.scheduleAt && scheduleAtParam(request.scheduleAt, new Date(), options.scheduleFormat, options.timeZone);
  if (ready.length === 1 && !scheduleAt) return Promise.all([sendRestSingle(settings, ready[0], common, request.signal)]);
  const config = { callbackUrl: request.reportUrls.batchCallback, errbackUrl: request.reportUrls.batchErrback, scheduleAt };
  const size = Math.max(1, Math.min(settings.batchSize, MAX_BATCH_DESTINATIONS));
  return Promise.all(planBatches(ready, size).map((batch) => sendRestBatch(settings, batch, common, config, request.signal)));
}

/** The campaign's sender, else the account's; an empty one means none (Jasmin then uses the user's default). */
function senderOf(settings: MttmSettings, request: SendRequest): string | undefined {
  return request.sender || settings.defaultSender || undefined;
}

/**
 * Splits members into batches of at most `size` in which no destination appears twice: batch callbacks are
 * matched by batch id and destination, so a repeated destination could not be told apart.
 */
export function planBatches(members: readonly BatchMember[], size: number): BatchMember[][] {
  const rounds: BatchMember[][] = [];
  const seen = new Map<string, number>();
  for (const member of members) {
    const round = seen.get(member.to) ?? 0;
    seen.set(member.to, round + 1);
    (rounds[round] ??= []).push(member);
  }
  const batches: BatchMember[][] = [];
  for (const round of rounds) for (let i = 0; i < round.length; i += size) batches.push(round.slice(i, i + size));
  return batches;
}

/** One request after the other: the HTTP API takes one message per request and the engine sends one per call. */
async function sequentially<T>(items: readonly T[], fn: (item: T) => Promise<SendOutcome[]>): Promise<SendOutcome[][]> {
  const results: SendOutcome[][] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}
