/**
 * The simulator adapter: a gateway that lives inside the app. `send` decides each message's fate at once
 * (refused now, or accepted and later delivered, undelivered, failed or never reported) and, like a real
 * gateway, pushes the delivery reports and some replies to the account's webhooks after a delay.
 * Pushes are fire-and-forget: their failures are logged by `postJson`, never thrown.
 */
import { randomUUID } from "node:crypto";
import type { OutgoingMessage, ProviderAdapter, SendOutcome, SendRequest } from "../types";
import { parseSimulatorInbound, parseSimulatorReport } from "./parse";
import { postJson } from "./post";
import { SIMULATOR_BASE_URL, SIMULATOR_CAPABILITIES, simulatorOptionsSchema, type SimulatorOptions, type SimulatorSettings } from "./settings";
import { SIMULATOR_CODES, type SimulatorInbound, type SimulatorReport } from "./wire";

/** Reports per POST, as gateways group their pushes. */
const REPORTS_PER_POST = 100;
const E164 = /^\+[1-9]\d{6,14}$/;

/** What the adapter needs from the outside world; tests pass a seeded `random`. */
export interface SimulatorDeps {
  /** Uniform in [0, 1). */
  random: () => number;
  /** Runs `task` after `ms`; the default is `setTimeout`. */
  schedule: (ms: number, task: () => void) => void;
  post: typeof postJson;
}

const defaultDeps: SimulatorDeps = {
  random: Math.random,
  schedule: (ms, task) => void setTimeout(task, ms),
  post: postJson,
};

type Fate = { status: SimulatorReport["status"]; error?: { code: string; text: string } } | undefined;

/** The report an accepted message will get, or none (the share left after delivered/undelivered/failed). */
function fateOf(options: SimulatorOptions, draw: number): Fate {
  if (draw < options.deliverShare) return { status: "DELIVERED" };
  if (draw < options.deliverShare + options.undeliverShare) return { status: "UNDELIVERED", error: SIMULATOR_CODES.absentSubscriber };
  if (draw < options.deliverShare + options.undeliverShare + options.failShare) return { status: "FAILED", error: SIMULATOR_CODES.blocked };
  return undefined;
}

/** Builds the simulator adapter for one account. */
export function createSimulatorAdapter(settings: SimulatorSettings, deps: Partial<SimulatorDeps> = {}): ProviderAdapter {
  const { random, schedule, post } = { ...defaultDeps, ...deps };
  // Parsed again so that an account stored before an option existed gets its default.
  const options = simulatorOptionsSchema.parse(settings.options ?? {});

  function send(request: SendRequest): SendOutcome[] {
    if (request.signal?.aborted) {
      // Nothing left the process: safe to retry.
      return request.messages.map((m) => ({ kind: "retryable", attemptId: m.attemptId, code: "aborted", reason: "send aborted", retryAfterMs: 1_000 }));
    }
    const sender = request.sender ?? settings.defaultSender ?? "Simulator";
    const reports: SimulatorReport[] = [];
    const replies: SimulatorInbound[] = [];
    const outcomes = request.messages.map((message): SendOutcome => {
      const refusal = refusalOf(message);
      if (refusal) return { kind: "rejected", attemptId: message.attemptId, code: refusal.code, reason: refusal.text };
      const id = `sim-${randomUUID()}`;
      const fate = fateOf(options, random());
      if (fate) reports.push({ id, to: message.to, status: fate.status, errorCode: fate.error?.code, errorText: fate.error?.text });
      if (fate?.status === "DELIVERED" && random() < options.replyShare) {
        const text = options.replyTexts[Math.floor(random() * options.replyTexts.length)] ?? "STOP";
        replies.push({ id: `sim-in-${randomUUID()}`, from: message.to, to: sender, text });
      }
      return { kind: "accepted", attemptId: message.attemptId, providerMessageId: id };
    });

    if (reports.length > 0) {
      schedule(options.delayMs, () => {
        const at = new Date().toISOString();
        for (let i = 0; i < reports.length; i += REPORTS_PER_POST) {
          const chunk = reports.slice(i, i + REPORTS_PER_POST).map((r) => ({ ...r, at }));
          void post(request.reportUrls.deliveryReport, { reports: chunk }, "delivery report");
        }
      });
    }
    for (const reply of replies) {
      schedule(options.delayMs + options.replyDelayMs, () => {
        void post(request.reportUrls.inbound, { ...reply, receivedAt: new Date().toISOString() }, "inbound reply");
      });
    }
    return outcomes;
  }

  function refusalOf(message: OutgoingMessage): { code: string; text: string } | undefined {
    if (!E164.test(message.to)) return SIMULATOR_CODES.invalidNumber;
    if (random() < options.rejectShare) return SIMULATOR_CODES.notInService;
    return undefined;
  }

  return {
    vendor: "simulator",
    capabilities: SIMULATOR_CAPABILITIES,
    send: async (request) => send(request),
    parseReport: parseSimulatorReport,
    parseInbound: parseSimulatorInbound,
    async testConnection() {
      return {
        ok: true,
        message:
          `This is the built-in simulator (${SIMULATOR_BASE_URL}): no gateway is contacted and nothing reaches a phone. ` +
          `It accepts messages, posts delivery reports to this account's webhook after ${options.delayMs} ms and replies to ` +
          `${Math.round(options.replyShare * 100)}% of delivered messages.`,
      };
    },
  };
}
