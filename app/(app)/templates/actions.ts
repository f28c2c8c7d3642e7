"use server";

import { revalidatePath } from "next/cache";
import { editorAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { createTemplate, deleteTemplate, duplicateTemplate, updateTemplate } from "@/lib/templates/manage-templates";
import { templateIdSchema, templateSchema, updateTemplateSchema } from "@/lib/templates/template.schema";

export const createTemplateAction = editorAction(templateSchema, async (input, user) => {
  const template = await createTemplate(db(), input, user.id);
  revalidatePath("/templates");
  return { id: template.id };
});

export const updateTemplateAction = editorAction(updateTemplateSchema, async ({ id, ...input }, user) => {
  await updateTemplate(db(), id, input, user.id);
  revalidatePath("/templates");
  return { id };
});

export const duplicateTemplateAction = editorAction(templateIdSchema, async ({ id }, user) => {
  const copy = await duplicateTemplate(db(), id, user.id);
  revalidatePath("/templates");
  return { id: copy.id, name: copy.name };
});

export const deleteTemplateAction = editorAction(templateIdSchema, async ({ id }, user) => {
  await deleteTemplate(db(), id, user.id);
  revalidatePath("/templates");
  return { id };
});
