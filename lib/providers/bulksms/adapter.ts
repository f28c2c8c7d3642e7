/**
 * The bulksms adapter: GET `/bulksms/bulksms` (or the scheduler) with one text and comma-separated
 * destinations per request, and one outcome per message read from the per-destination reply tuples.
 * Every URL carries the account's credentials, so no URL is ever logged or put into a reason.
 */
import type { OutgoingMessage, ProviderAdapter, SendOutcome, SendRequest } from "../types";
import { httpRequest } from "../shared/http";
import { mapWithConcurrency } from "../shared/concurrency";
import { outcomeForFailure } from "../shared/transport-outcome";
import { validateSenderId } from "../../sms/sender-id";
import { resolveSettings, type ResolvedAccount } from "./config";
import { outcomesForResponse, type OutcomePolicy } from "./outcomes";
import { parseDeliveryReport } from "./reports";
import { previewWithout } from "./redact";
import { planRequests, type PlannedRequest, type RequestContext } from "./request";
import { scheduleValues } from "./schedule";
import { BULKSMS_CAPABILITIES, type BulksmsSettings } from "./settings";
import { testBulksmsConnection } from "./test-connection";

/** Builds the adapter for one account; invalid settings refuse every message instead of throwing. */
export function createBulksmsAdapter(settings: BulksmsSettings): ProviderAdapter {
  const resolved = resolveSettings(settings);
  const options = resolved.ok ? resolved.account.options : resolved.options;
  const reportOptions = { optOutCodes: new Set(options.optOutCodes), timeZone: options.gatewayTimeZone };
  return {
    vendor: "bulksms",
    capabilities: BULKSMS_CAPABILITIES,
    send: async (request) =>
      resolved.ok
        ? sendMessages(resolved.account, request)
        : refuseAll(request.messages, "settings", `the account's settings are invalid: ${resolved.problems.join("; ")}`),
    // One report format only (the DLR push), whatever the webhook's last path segment.
    parseReport: (_kind, raw) => parseDeliveryReport(raw, reportOptions),
    testConnection: (signal) => testBulksmsConnection(resolved, signal),
  };
}

async function sendMessages(account: ResolvedAccount, request: SendRequest): Promise<SendOutcome[]> {
  const { messages } = request;
  const sender = request.sender ?? account.defaultSender;
  if (sender === undefined) return refuseAll(messages, "invalid-sender", "no sender ID: set one on the campaign or as the account's default");
  // The composer checks the sender too; this guards senders that reach us another way (API, old campaigns).
  const senderCheck = validateSenderId("bulksms", sender);
  if (!senderCheck.ok) return refuseAll(messages, "invalid-sender", senderCheck.message);
  if (request.scheduleAt && Number.isNaN(request.scheduleAt.getTime())) return refuseAll(messages, "invalid-schedule", "the schedule time is not a valid date");

  const { options, credentials } = account;
  const context: RequestContext = {
    baseUrl: account.baseUrl,
    path: request.scheduleAt ? options.schedulePath : options.sendPath,
    username: credentials.username,
    password: credentials.password,
    dlr: options.deliveryReports ? "1" : "0",
    source: sender,
    schedule: request.scheduleAt
      ? { names: options.scheduleParams, values: scheduleValues(request.scheduleAt, options.gatewayTimeZone, options.gmtFormat) }
      : undefined,
    batchSize: account.batchSize,
    maxUrlLength: options.maxUrlLength,
  };
  const plan = planRequests(messages, context);
  const outcomes = new Array<SendOutcome>(messages.length);
  for (const refusal of plan.refused) {
    outcomes[refusal.index] = { kind: "rejected", attemptId: messages[refusal.index].attemptId, code: refusal.code, reason: refusal.reason };
  }
  const submission: Submission = {
    account,
    messages,
    signal: request.signal,
    policy: { optOutCodes: new Set(options.optOutCodes), retryAfterMs: options.retryAfterMs },
    preview: previewWithout(credentials.password),
  };
  await mapWithConcurrency(plan.requests, options.parallelRequests, async (planned) => {
    const results = await submit(planned, submission);
    planned.members.forEach((member, position) => (outcomes[member.index] = results[position]));
  });
  return outcomes;
}

interface Submission {
  account: ResolvedAccount;
  messages: readonly OutgoingMessage[];
  signal?: AbortSignal;
  policy: OutcomePolicy;
  preview: (text: string) => string;
}

/** Sends one planned request; resolves with its members' outcomes in member order, never rejects. */
async function submit(planned: PlannedRequest, submission: Submission): Promise<SendOutcome[]> {
  const members = planned.members.map((member) => ({ ...member, attemptId: submission.messages[member.index].attemptId }));
  const result = await httpRequest({ method: "GET", url: planned.url, timeoutMs: submission.account.timeoutMs, signal: submission.signal });
  if (result.kind !== "response") {
    const failure = { kind: result.kind, reason: submission.preview(result.reason) };
    return members.map((member) => outcomeForFailure(member.attemptId, failure));
  }
  return outcomesForResponse(result, members, submission.policy, submission.preview(result.body));
}

function refuseAll(messages: readonly OutgoingMessage[], code: string, reason: string): SendOutcome[] {
  return messages.map((message) => ({ kind: "rejected", attemptId: message.attemptId, code, reason }));
}
