/** Contacts: create, read, update, opt out, and import rows as JSON. */
import { z } from "zod";
import { matchingContacts } from "@/lib/contacts/contact-ids";
import { fieldKeySchema } from "@/lib/contacts/import-mapping";
import { NotFoundError } from "@/lib/errors";
import { timezoneSchema } from "@/lib/users/users.schema";
import { countryCode, idParamsSchema, phoneNumber } from "../common.schema";
import { createContact, optOutContact, updateContact } from "../contacts/contact-store";
import { importResultSchema, importRows, importRowsBodySchema } from "../contacts/import-rows";
import { defineEndpoint } from "../endpoint";
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from "../pagination";
import { contactSchema, presentContact } from "../resources/contact";

const TAG = "Contacts";
const name = z.string().trim().max(100);

export const createContactEndpoint = defineEndpoint({
  operationId: "createContact",
  method: "POST",
  path: "/contacts",
  tag: TAG,
  summary: "Create a contact",
  scope: "send",
  body: z.object({
    phone: phoneNumber,
    defaultCountry: countryCode.optional(),
    firstName: name.optional(),
    lastName: name.optional(),
    timezone: timezoneSchema.optional(),
    fields: z.record(fieldKeySchema, z.string().max(500)).optional().describe("Custom fields; unknown ones are created."),
    listIds: z.array(z.number().int().positive()).optional().describe("Lists to add the contact to."),
  }),
  response: { status: 201, description: "The new contact.", schema: contactSchema },
  handle: async ({ services, body, principal }) => presentContact(await createContact(services.db, { apiKeyId: principal.keyId }, body)),
});

const contactFilters = pageQuerySchema.extend({
  phone: z.string().trim().regex(/^\+\d{6,15}$/, "Use E.164, e.g. +31612345678.").optional().describe("The contact with this number (E.164)."),
  listId: z.coerce.number().int().positive().optional().describe("Only members of this list."),
  optedOut: z.enum(["true", "false"]).optional().describe("Only opted-out (true) or reachable (false) contacts."),
});

export const listContacts = defineEndpoint({
  operationId: "listContacts",
  method: "GET",
  path: "/contacts",
  tag: TAG,
  summary: "List contacts, newest first",
  scope: "read",
  query: contactFilters,
  response: { status: 200, description: "A page of contacts.", schema: pageSchema(contactSchema) },
  handle: async ({ services, query }) => {
    const match = { phone: query.phone, listId: query.listId, optedOut: query.optedOut === undefined ? undefined : query.optedOut === "true" };
    const rows = await matchingContacts(services.db, services.sql, match, { before: decodeCursor(query.cursor), take: query.limit + 1 });
    return toPage(rows, query.limit, presentContact);
  },
});

export const getContact = defineEndpoint({
  operationId: "getContact",
  method: "GET",
  path: "/contacts/{id}",
  tag: TAG,
  summary: "Get a contact",
  scope: "read",
  params: idParamsSchema,
  response: { status: 200, description: "The contact.", schema: contactSchema },
  handle: async ({ services, params }) => {
    const contact = await services.db.contact.findUnique({ where: { id: params.id } });
    if (!contact) throw new NotFoundError("The contact");
    return presentContact(contact);
  },
});

export const updateContactEndpoint = defineEndpoint({
  operationId: "updateContact",
  method: "PATCH",
  path: "/contacts/{id}",
  tag: TAG,
  summary: "Update a contact",
  description: "Only the fields sent change. The phone number cannot change: it identifies the contact.",
  scope: "send",
  params: idParamsSchema,
  body: z.object({
    firstName: name.nullable().optional(),
    lastName: name.nullable().optional(),
    timezone: timezoneSchema.nullable().optional(),
    fields: z.record(fieldKeySchema, z.string().max(500).nullable()).optional().describe("Merged into the stored fields; null removes a field."),
    addToListIds: z.array(z.number().int().positive()).optional(),
    removeFromListIds: z.array(z.number().int().positive()).optional(),
  }),
  response: { status: 200, description: "The updated contact.", schema: contactSchema },
  fieldAliases: { listIds: "addToListIds" },
  handle: async ({ services, params, body, principal }) => presentContact(await updateContact(services.db, { apiKeyId: principal.keyId }, params.id, body)),
});

export const optOutContactEndpoint = defineEndpoint({
  operationId: "optOutContact",
  method: "POST",
  path: "/contacts/{id}/opt-out",
  tag: TAG,
  summary: "Opt a contact out",
  description: "No campaign sends to the contact again, including messages already queued. Opting out twice changes nothing.",
  scope: "send",
  params: idParamsSchema,
  body: z.object({ detail: z.string().trim().max(500).optional().describe("Why, e.g. where the request came from.") }).optional(),
  response: { status: 200, description: "The contact, opted out.", schema: contactSchema },
  handle: async ({ services, params, body, principal }) => presentContact(await optOutContact(services, { apiKeyId: principal.keyId }, params.id, body?.detail)),
});

export const importContacts = defineEndpoint({
  operationId: "importContacts",
  method: "POST",
  path: "/contacts/import",
  tag: TAG,
  summary: "Import contacts as JSON rows",
  description:
    "Creates or updates contacts by phone number, as a CSV import does, optionally adding them to a list. Rows that cannot be imported are listed in `rejectedRows` and do not fail the request.",
  scope: "send",
  body: importRowsBodySchema,
  response: { status: 200, description: "What the import did.", schema: importResultSchema },
  handle: async ({ services, body }) => importRows(services.db, services.raw, body),
});
