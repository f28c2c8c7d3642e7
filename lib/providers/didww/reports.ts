/**
 * DIDWW's POSTs to the Outbound SMS trunk's Callback URL: a status callback per message
 * (`outbound_message_callbacks`: Success, Routing Error or Failed with a `code_id`, fragments and price),
 * and on accounts where DIDWW enables it a later carrier receipt (`dlr_event`). Callbacks are unsigned:
 * the webhook URL's token is the only proof of origin. Pure: storing and deduplicating is lib/delivery's.
 */
import { z } from "zod";
import type { ParsedWebhook, RawRequest, ReportEvent, WebhookReply } from "../types";
import { callbackCodeText, callbackState, dlrState } from "./codes";
import { NOT_JSON, parseJson, snippet } from "./wire";

const text = z.string().trim().min(1);
const optionalNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).nullish();

const statusCallback = z.object({
  type: z.literal("outbound_message_callbacks"),
  id: text,
  attributes: z.object({
    status: text,
    code_id: z.union([z.number().int(), z.string().trim().regex(/^\d+$/).transform(Number)]).nullish(),
    fragments_sent: optionalNumber,
    price: optionalNumber,
    time_start: z.string().nullish(),
    // The attribute table says `time_end`, the document's example `end_time` (NOTES.md): read either.
    time_end: z.string().nullish(),
    end_time: z.string().nullish(),
  }),
});

const dlrEvent = z.object({
  type: z.literal("dlr_event"),
  id: text,
  attributes: z.object({
    status: text,
    message_id: text.optional(),
    outbound_message_id: text.optional(),
    time: z.string().nullish(),
    time_end: z.string().nullish(),
    end_time: z.string().nullish(),
  }),
  relationships: z.object({ outbound_message: z.object({ data: z.object({ id: text }) }).optional() }).optional(),
});

const resource = z.discriminatedUnion("type", [statusCallback, dlrEvent]);
type Resource = z.infer<typeof resource>;

const OK: WebhookReply = { status: 200, body: "" };

/** The events of one callback POST, and the reply DIDWW needs (2xx; a 400 says what we could not read). */
export function parseCallback(request: RawRequest): ParsedWebhook<ReportEvent> {
  if (request.method.toUpperCase() !== "POST") return refuse(405, `DIDWW callbacks are POSTs, not ${request.method}`);
  const json = parseJson(request.body);
  if (json === NOT_JSON) return refuse(400, `callback body is not JSON: ${snippet(request.body)}`);
  const data = typeof json === "object" && json !== null ? (json as { data?: unknown }).data : undefined;
  const listed = Array.isArray(data) ? data : data === undefined ? [] : [data];
  if (listed.length === 0) return refuse(400, "not a DIDWW callback (no data)");
  const resources: Resource[] = [];
  for (const [index, entry] of listed.entries()) {
    const parsed = resource.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = ["data", ...(Array.isArray(data) ? [index] : []), ...(issue?.path ?? [])].join(".");
      return refuse(400, `not a DIDWW callback (${issue?.message ?? "invalid"} at ${path})`);
    }
    resources.push(parsed.data);
  }
  return { items: resources.map((r) => (r.type === "dlr_event" ? fromDlrEvent(r) : fromStatusCallback(r))), reply: OK };
}

function fromStatusCallback(callback: z.infer<typeof statusCallback>): ReportEvent {
  const a = callback.attributes;
  const state = callbackState(a.status);
  const errorCode = a.code_id == null ? undefined : String(a.code_id);
  if (!state) return { kind: "raw", providerMessageId: callback.id, rawStatus: a.status, errorCode };
  return {
    kind: "status",
    providerMessageId: callback.id,
    state,
    rawStatus: a.status,
    errorCode,
    errorText: a.code_id == null ? undefined : (callbackCodeText(a.code_id) ?? `undocumented code_id ${a.code_id}`),
    cost: cost(a.price, a.fragments_sent),
    occurredAt: firstDate(a.time_end, a.end_time, a.time_start),
  };
}

/**
 * DIDWW does not publish the receipt's shape beyond `type: "dlr_event"` and its status. The message it
 * is about is read from `relationships.outbound_message`, then `attributes.message_id` /
 * `outbound_message_id`, and otherwise `data.id` (as the status callback carries it).
 */
function fromDlrEvent(event: z.infer<typeof dlrEvent>): ReportEvent {
  const a = event.attributes;
  const providerMessageId = event.relationships?.outbound_message?.data.id ?? a.message_id ?? a.outbound_message_id ?? event.id;
  const state = dlrState(a.status);
  if (!state) return { kind: "raw", providerMessageId, rawStatus: a.status };
  return { kind: "status", providerMessageId, state, rawStatus: a.status, occurredAt: firstDate(a.time, a.time_end, a.end_time) };
}

/** `price` is per fragment (NOTES.md): the message cost is price × fragments_sent, when both are given. */
function cost(price: number | null | undefined, fragments: number | null | undefined): { amount: number } | undefined {
  if (price == null || fragments == null || !Number.isFinite(price) || !Number.isFinite(fragments)) return undefined;
  return { amount: Math.round(price * fragments * 1e9) / 1e9 };
}

function firstDate(...values: (string | null | undefined)[]): Date | undefined {
  for (const value of values) {
    const time = value ? Date.parse(value) : NaN;
    if (!Number.isNaN(time)) return new Date(time);
  }
  return undefined;
}

function refuse(status: number, body: string): ParsedWebhook<ReportEvent> {
  return { items: [], reply: { status, body, contentType: "text/plain; charset=utf-8" } };
}
