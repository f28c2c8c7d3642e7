/** How contacts and lists look in the API. */
import { z } from "zod";
import type { ContactListModel, ContactModel } from "@/lib/db/client";
import { iso, nullableTimestamp, timestamp } from "../common.schema";

export const contactSchema = z.object({
  id: z.number().int(),
  phone: z.string().describe("E.164."),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()).describe("Custom fields by key."),
  country: z.string().nullable(),
  timezone: z.string().nullable(),
  optedOut: z.boolean(),
  optedOutAt: nullableTimestamp,
  optOutSource: z.string().nullable(),
  source: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const listSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  contactCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export function presentContact(c: ContactModel): z.infer<typeof contactSchema> {
  return {
    id: c.id,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    fields: (c.fields ?? {}) as Record<string, unknown>,
    country: c.country,
    timezone: c.timezone,
    optedOut: c.optedOut,
    optedOutAt: iso(c.optedOutAt),
    optOutSource: c.optOutSource,
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentList(l: ContactListModel, contactCount: number): z.infer<typeof listSchema> {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    contactCount,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}
