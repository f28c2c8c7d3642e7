/** Schemas shared by the contacts pages' forms and the server actions and routes behind them. */
import { z } from "zod";
import { OPT_OUT_SOURCES } from "./opt-out-sources";
import { countryCodeSchema } from "./import.schema";

const id = z.number().int().positive();
const name = z.string().trim().max(100, "At most 100 characters.");

export const contactFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  listId: z.coerce.number().int().positive().optional().catch(undefined),
  optedOut: z.enum(["yes", "no"]).optional().catch(undefined),
  country: countryCodeSchema.optional().catch(undefined),
  /** Keyset cursor: show contacts with a smaller id (newest first). */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;

export const updateContactSchema = z.object({
  id,
  phone: z.string().trim().min(1, "Enter a phone number.").max(40),
  defaultCountry: countryCodeSchema.nullable().default(null),
  firstName: name,
  lastName: name,
  fields: z.record(z.string(), z.string().trim().max(500)).default({}),
});

export const contactIdsSchema = z.object({ contactIds: z.array(id).min(1, "Select at least one contact.").max(1000) });
export const bulkListSchema = contactIdsSchema.extend({ listId: id });
export const optOutSchema = contactIdsSchema.extend({ optedOut: z.boolean(), detail: z.string().trim().max(200).optional() });
export const optOutSourceSchema = z.enum(OPT_OUT_SOURCES);

export const listNameSchema = z.string().trim().min(1, "Name the list.").max(100, "At most 100 characters.");
export const createListSchema = z.object({ name: listNameSchema, description: z.string().trim().max(500).optional() });
export const renameListSchema = z.object({ listId: id, name: listNameSchema });
export const deleteListSchema = z.object({ listId: id });
