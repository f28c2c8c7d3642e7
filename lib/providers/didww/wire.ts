/**
 * DIDWW's JSON:API documents as they travel: the request bodies we build and the replies we read.
 * Replies are validated, never trusted: a 201 whose body we cannot read proves nothing about the ids.
 */
import { z } from "zod";

/** The exact media type DIDWW requires, with no parameters (a `; charset=…` is refused). */
export const JSON_API = "application/vnd.api+json";

/** The two endpoints, appended to a region's base URL. */
export const SINGLE_PATH = "/outbound_messages";
export const BULK_PATH = "/bulk_outbound_messages";

/** The attributes both endpoints share; `destination` is a string for single, an array for bulk. */
interface MessageAttributes {
  destination: string | string[];
  source?: string;
  content: string;
  campaignId?: string;
}

/** The request body, attributes in the document's order; optional ones are left out, never `null`. */
export function messageDocument(type: "outbound_messages" | "bulk_outbound_messages", a: MessageAttributes): string {
  const attributes: Record<string, unknown> = { destination: a.destination };
  if (a.source !== undefined) attributes.source = a.source;
  attributes.content = a.content;
  if (a.campaignId !== undefined) attributes.campaign_id = a.campaignId;
  return JSON.stringify({ data: { type, attributes } });
}

const id = z.string().min(1).max(200);

const singleReply = z.object({
  data: z.object({ type: z.literal("outbound_messages"), id }),
});

const bulkReply = z.object({
  data: z.object({
    type: z.literal("bulk_outbound_messages"),
    id,
    relationships: z.object({
      outbound_messages: z.object({
        data: z.array(z.object({ type: z.literal("outbound_messages"), id })),
      }),
    }),
  }),
});

/** The message id of a single-send reply, or why the reply cannot be read. */
export function readSingleReply(body: string): { id: string } | { error: string } {
  const json = parseJson(body);
  if (json === NOT_JSON) return { error: `the reply is not JSON: ${snippet(body)}` };
  const parsed = singleReply.safeParse(json);
  return parsed.success ? { id: parsed.data.data.id } : { error: describe(parsed.error, body) };
}

/** The bulk id and its message ids, in the order DIDWW listed them, or why the reply cannot be read. */
export function readBulkReply(body: string): { id: string; messageIds: string[] } | { error: string } {
  const json = parseJson(body);
  if (json === NOT_JSON) return { error: `the reply is not JSON: ${snippet(body)}` };
  const parsed = bulkReply.safeParse(json);
  if (!parsed.success) return { error: describe(parsed.error, body) };
  const { data } = parsed.data;
  return { id: data.id, messageIds: data.relationships.outbound_messages.data.map((m) => m.id) };
}

const errorsReply = z.object({
  errors: z
    .array(
      z.object({
        title: z.string().optional(),
        detail: z.string().optional(),
        code: z.union([z.string(), z.number()]).optional(),
        status: z.union([z.string(), z.number()]).optional(),
        source: z.object({ pointer: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});

/** One JSON:API error as DIDWW words it. */
export interface DidwwError {
  code?: string;
  title?: string;
  detail?: string;
  /** JSON pointer to the attribute refused, e.g. `/data/attributes/destination/3`. */
  pointer?: string;
}

/** The `errors[]` of an error reply, or undefined when the body is not a JSON:API error document. */
export function readErrors(body: string): DidwwError[] | undefined {
  const parsed = errorsReply.safeParse(parseJson(body));
  if (!parsed.success) return undefined;
  return parsed.data.errors.map((e) => ({
    code: e.code === undefined ? undefined : String(e.code),
    title: e.title,
    detail: e.detail,
    pointer: e.source?.pointer,
  }));
}

/** What `parseJson` returns for a body that is not JSON. */
export const NOT_JSON: unique symbol = Symbol("not JSON");

/** `JSON.parse` that returns `NOT_JSON` instead of throwing, so callers word the error for their reader. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return NOT_JSON;
  }
}

/** A short account of a reply that failed validation, with the start of the body for the admin. */
function describe(error: z.ZodError, body: string): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  return `the reply is unreadable (${issue?.message ?? "invalid"}${where}): ${snippet(body)}`;
}

/** The first characters of a body, on one line, for error texts. */
export function snippet(body: string, max = 120): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || "(empty body)";
}
