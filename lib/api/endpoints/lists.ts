/** Contact lists: create, read, rename. Members are added by contact updates and imports. */
import { z } from "zod";
import { memberCounts } from "@/lib/contacts/lists";
import type { ContactListModel, Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { idParamsSchema } from "../common.schema";
import { createList, updateList } from "../contacts/list-store";
import { defineEndpoint } from "../endpoint";
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from "../pagination";
import { listSchema, presentList } from "../resources/contact";

const TAG = "Lists";
const listName = z.string().trim().min(1, "Name the list.").max(100);
const description = z.string().trim().max(500);

/** `presentList` for one list, with its member count. */
async function presentOne(db: Db, list: ContactListModel) {
  return presentList(list, (await memberCounts(db, [list.id])).get(list.id) ?? 0);
}

export const createListEndpoint = defineEndpoint({
  operationId: "createList",
  method: "POST",
  path: "/lists",
  tag: TAG,
  summary: "Create a list",
  scope: "send",
  body: z.object({ name: listName, description: description.optional() }),
  response: { status: 201, description: "The new list.", schema: listSchema },
  handle: async ({ services, body, principal }) => {
    const list = await createList(services.db, { apiKeyId: principal.keyId }, body);
    return presentList(list, 0);
  },
});

export const listLists = defineEndpoint({
  operationId: "listLists",
  method: "GET",
  path: "/lists",
  tag: TAG,
  summary: "List contact lists, newest first",
  scope: "read",
  query: pageQuerySchema,
  response: { status: 200, description: "A page of lists.", schema: pageSchema(listSchema) },
  handle: async ({ services, query }) => {
    const before = decodeCursor(query.cursor);
    const rows = await services.db.contactList.findMany({ where: before ? { id: { lt: before } } : {}, orderBy: { id: "desc" }, take: query.limit + 1 });
    const counts = await memberCounts(services.db, rows.map((l) => l.id));
    return toPage(rows, query.limit, (l) => presentList(l, counts.get(l.id) ?? 0));
  },
});

export const getList = defineEndpoint({
  operationId: "getList",
  method: "GET",
  path: "/lists/{id}",
  tag: TAG,
  summary: "Get a list with its number of contacts",
  scope: "read",
  params: idParamsSchema,
  response: { status: 200, description: "The list.", schema: listSchema },
  handle: async ({ services, params }) => {
    const list = await services.db.contactList.findUnique({ where: { id: params.id } });
    if (!list) throw new NotFoundError("The list");
    return presentOne(services.db, list);
  },
});

export const updateListEndpoint = defineEndpoint({
  operationId: "updateList",
  method: "PATCH",
  path: "/lists/{id}",
  tag: TAG,
  summary: "Rename a list or change its description",
  scope: "send",
  params: idParamsSchema,
  body: z.object({ name: listName.optional(), description: description.nullable().optional() }),
  response: { status: 200, description: "The updated list.", schema: listSchema },
  handle: async ({ services, params, body, principal }) => {
    await updateList(services.db, { apiKeyId: principal.keyId }, params.id, body);
    return presentOne(services.db, await services.db.contactList.findUniqueOrThrow({ where: { id: params.id } }));
  },
});
