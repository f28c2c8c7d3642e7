"use server";

import { revalidatePath } from "next/cache";
import { editorAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import {
  bulkListSchema,
  contactIdsSchema,
  createListSchema,
  deleteListSchema,
  optOutSchema,
  renameListSchema,
  updateContactSchema,
} from "@/lib/contacts/contacts.schema";
import { addToList, createList, deleteList, removeFromList, renameList } from "@/lib/contacts/lists";
import { deleteContacts, updateContact } from "@/lib/contacts/manage-contact";
import { optInContacts, optOutContacts } from "@/lib/contacts/opt-out";

export const updateContactAction = editorAction(updateContactSchema, async (input, user) => {
  await updateContact(db(), user.id, input);
  revalidatePath(`/contacts/${input.id}`);
});

export const deleteContactsAction = editorAction(contactIdsSchema, async ({ contactIds }, user) => {
  const count = await deleteContacts(db(), user.id, contactIds);
  revalidatePath("/contacts");
  return count;
});

export const setOptOutAction = editorAction(optOutSchema, async ({ contactIds, optedOut, detail }, user) => {
  const change = optedOut ? optOutContacts : optInContacts;
  const changed = await change(sqlFor(rawDb()), { contactIds }, { source: "manual", detail: detail || null, actor: user.id });
  revalidatePath("/contacts", "layout");
  return changed.length;
});

export const addToListAction = editorAction(bulkListSchema, async ({ listId, contactIds }, user) => {
  const added = await addToList(db(), user.id, listId, contactIds);
  revalidatePath("/contacts", "layout");
  return added;
});

export const removeFromListAction = editorAction(bulkListSchema, async ({ listId, contactIds }, user) => {
  const removed = await removeFromList(db(), user.id, listId, contactIds);
  revalidatePath("/contacts", "layout");
  return removed;
});

export const createListAction = editorAction(createListSchema, async (input, user) => {
  const list = await createList(db(), user.id, input);
  revalidatePath("/contacts/lists");
  return list;
});

export const renameListAction = editorAction(renameListSchema, async ({ listId, name }, user) => {
  await renameList(db(), user.id, listId, name);
  revalidatePath("/contacts/lists");
});

export const deleteListAction = editorAction(deleteListSchema, async ({ listId }, user) => {
  await deleteList(db(), user.id, listId);
  revalidatePath("/contacts/lists");
});
