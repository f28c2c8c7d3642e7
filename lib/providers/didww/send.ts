/**
 * Hands a batch of messages to DIDWW. Bulk requests carry one text for many destinations, so messages
 * are grouped by text: a group becomes `bulk_outbound_messages` requests of at most the batch size (and
 * 1000), a lone message an `outbound_messages` request. Every message gets exactly one outcome.
 */
import { mapWithConcurrency } from "../shared/concurrency";
import { basicAuth, httpRequest } from "../shared/http";
import type { SendOutcome, SendRequest } from "../types";
import { toDidwwNumber, toDidwwSource } from "./numbers";
import { MAX_BULK_DESTINATIONS, type DidwwSettings } from "./settings";
import { interpretReply, type Verdict } from "./submission";
import { BULK_PATH, JSON_API, SINGLE_PATH, messageDocument } from "./wire";

/** One request to make: the indices (into `request.messages`) of the messages it carries. */
interface PlannedRequest {
  text: string;
  indices: number[];
}

/** Sends `request.messages`; resolves with one outcome per message, in input order, and never rejects. */
export async function sendToDidww(settings: DidwwSettings, request: SendRequest): Promise<SendOutcome[]> {
  const { messages } = request;
  const verdicts: Verdict[] = new Array(messages.length);
  const rejectAll = (code: string, reason: string) => verdicts.fill({ kind: "rejected", code, reason });

  const sender = toDidwwSource(request.sender ?? settings.defaultSender);
  if (request.scheduleAt) rejectAll("schedule-unsupported", "DIDWW cannot hold messages until a time; schedule in the app instead");
  else if ("error" in sender) rejectAll("invalid-sender", sender.error);
  else {
    const destinations = messages.map((m) => toDidwwNumber(m.to));
    const sendable: number[] = [];
    destinations.forEach((digits, i) => {
      if (digits) sendable.push(i);
      else verdicts[i] = { kind: "rejected", code: "invalid-destination", reason: `"${messages[i].to}" is not an E.164 number` };
    });
    const plan = planRequests(request, sendable, destinations as string[], chunkSize(settings));
    const auth = basicAuth(settings.credentials.username, settings.credentials.password);
    await mapWithConcurrency(plan, settings.options.parallelRequests, async ({ text, indices }) => {
      const bulk = indices.length > 1;
      const body = messageDocument(bulk ? "bulk_outbound_messages" : "outbound_messages", {
        destination: bulk ? indices.map((i) => destinations[i]!) : destinations[indices[0]]!,
        source: sender.source,
        content: text,
        campaignId: settings.options.campaignId,
      });
      const result = await httpRequest({
        method: "POST",
        url: settings.baseUrl.replace(/\/+$/, "") + (bulk ? BULK_PATH : SINGLE_PATH),
        headers: { authorization: auth, "content-type": JSON_API, accept: JSON_API },
        body,
        timeoutMs: settings.timeoutMs,
        signal: request.signal,
      });
      interpretReply(result, { bulk, count: indices.length }).forEach((verdict, k) => (verdicts[indices[k]] = verdict));
    });
  }
  return messages.map((m, i) => ({ ...verdicts[i], attemptId: m.attemptId }) as SendOutcome);
}

/** Destinations per bulk request: the account's batch size, never above DIDWW's 1000; 1 when bulk is off. */
function chunkSize(settings: DidwwSettings): number {
  return settings.options.bulk ? Math.max(1, Math.min(settings.batchSize, MAX_BULK_DESTINATIONS)) : 1;
}

/**
 * Groups messages by text, then cuts each group into requests of at most `size` destinations. A number
 * appears at most once per bulk request (a repeat goes into a later one), so DIDWW has no reason to merge
 * destinations and the reply's ids stay one per destination.
 */
function planRequests(request: SendRequest, indices: number[], destinations: string[], size: number): PlannedRequest[] {
  const byText = new Map<string, number[]>();
  for (const i of indices) {
    const text = request.messages[i].text;
    const group = byText.get(text);
    if (group) group.push(i);
    else byText.set(text, [i]);
  }
  const plan: PlannedRequest[] = [];
  for (const [text, group] of byText) {
    let open: { indices: number[]; numbers: Set<string> }[] = [];
    for (const i of group) {
      const number = destinations[i];
      let chunk = open.find((c) => !c.numbers.has(number));
      if (!chunk) open.push((chunk = { indices: [], numbers: new Set() }));
      chunk.indices.push(i);
      chunk.numbers.add(number);
      if (chunk.indices.length === size) {
        plan.push({ text, indices: chunk.indices });
        open = open.filter((c) => c !== chunk);
      }
    }
    for (const chunk of open) plan.push({ text, indices: chunk.indices });
  }
  return plan;
}
