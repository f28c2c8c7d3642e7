/** Reading messages: a filtered, paged list, and one message with its delivery events. */
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { idParamsSchema, timestamp } from "../common.schema";
import { defineEndpoint } from "../endpoint";
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from "../pagination";
import { messageStateSchema } from "../resources/campaign";
import { messageSchema, messageWithEventsSchema, presentEvent, presentMessage } from "../resources/message";

const TAG = "Messages";

const messageFilters = pageQuerySchema.extend({
  campaignId: z.coerce.number().int().positive().optional().describe("Only this campaign's messages."),
  state: messageStateSchema.optional(),
  to: z.string().trim().regex(/^\+\d{6,15}$/, "Use E.164, e.g. +31612345678.").optional().describe("Only messages to this number (E.164)."),
  createdFrom: timestamp.optional().describe("Created at or after this time."),
  createdBefore: timestamp.optional().describe("Created before this time."),
});

export const listMessages = defineEndpoint({
  operationId: "listMessages",
  method: "GET",
  path: "/messages",
  tag: TAG,
  summary: "List messages, newest first, with filters",
  scope: "read",
  query: messageFilters,
  response: { status: 200, description: "A page of messages.", schema: pageSchema(messageSchema) },
  handle: async ({ services, query }) => {
    const before = decodeCursor(query.cursor);
    const createdAt = query.createdFrom || query.createdBefore ? { gte: query.createdFrom ? new Date(query.createdFrom) : undefined, lt: query.createdBefore ? new Date(query.createdBefore) : undefined } : undefined;
    const rows = await services.db.message.findMany({
      where: { campaignId: query.campaignId, state: query.state, destination: query.to, createdAt, ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    });
    return toPage(rows, query.limit, presentMessage);
  },
});

export const getMessage = defineEndpoint({
  operationId: "getMessage",
  method: "GET",
  path: "/messages/{id}",
  tag: TAG,
  summary: "Get a message with its delivery events",
  scope: "read",
  params: idParamsSchema,
  response: { status: 200, description: "The message and every report received for it, oldest first.", schema: messageWithEventsSchema },
  handle: async ({ services, params }) => {
    const message = await services.db.message.findUnique({ where: { id: params.id }, include: { events: { orderBy: { id: "asc" } } } });
    if (!message) throw new NotFoundError("The message");
    return { ...presentMessage(message), events: message.events.map(presentEvent) };
  },
});
