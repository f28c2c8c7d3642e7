/** How a message looks in the API; its delivery events come with it when read one at a time. */
import { z } from "zod";
import type { DeliveryEventModel, MessageModel } from "@/lib/db/client";
import { iso, nullableTimestamp, timestamp } from "../common.schema";
import { messageStateSchema } from "./campaign";

export const deliveryEventSchema = z.object({
  id: z.number().int(),
  state: messageStateSchema.nullable().describe("The state the report maps to; null when it maps to none."),
  rawStatus: z.string().describe("The gateway's own status, as received."),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  applied: z.boolean().describe("Whether the event moved the message forward."),
  occurredAt: nullableTimestamp,
  receivedAt: timestamp,
});

export const messageSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  contactId: z.number().int().nullable().describe("Null once the contact was deleted; the message itself is kept."),
  to: z.string().describe("E.164."),
  text: z.string(),
  encoding: z.enum(["GSM7", "UCS2"]),
  segments: z.number().int(),
  state: messageStateSchema,
  skipReason: z.string().nullable(),
  attemptCount: z.number().int(),
  providerMessageId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  cost: z.string().nullable(),
  currency: z.string().nullable(),
  createdAt: timestamp,
  submittedAt: nullableTimestamp,
  sentAt: nullableTimestamp,
  finalAt: nullableTimestamp,
});

export const messageWithEventsSchema = messageSchema.extend({ events: z.array(deliveryEventSchema) });

export function presentMessage(m: MessageModel): z.infer<typeof messageSchema> {
  return {
    id: m.id,
    campaignId: m.campaignId,
    contactId: m.contactId,
    to: m.destination,
    text: m.text,
    encoding: m.encoding,
    segments: m.segments,
    state: m.state,
    skipReason: m.skipReason,
    attemptCount: m.attemptCount,
    providerMessageId: m.providerMessageId,
    errorCode: m.errorCode,
    errorText: m.errorText,
    cost: m.cost?.toString() ?? null,
    currency: m.currency,
    createdAt: m.createdAt.toISOString(),
    submittedAt: iso(m.submittedAt),
    sentAt: iso(m.sentAt),
    finalAt: iso(m.finalAt),
  };
}

export function presentEvent(e: DeliveryEventModel): z.infer<typeof deliveryEventSchema> {
  return {
    id: e.id,
    state: e.state,
    rawStatus: e.rawStatus,
    errorCode: e.errorCode,
    errorText: e.errorText,
    applied: e.applied,
    occurredAt: iso(e.occurredAt),
    receivedAt: e.receivedAt.toISOString(),
  };
}
