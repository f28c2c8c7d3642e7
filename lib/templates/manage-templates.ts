/**
 * Templates: reusable message texts with merge fields. Every save checks the merge fields against the
 * contact fields and the custom fields that exist now, so an unknown field is an error at save, never a
 * blank at send (DESIGN.md, "Merge fields"). Each change is audited in its own transaction.
 */
import { audit } from "@/lib/audit/audit";
import { assertKnownFields } from "@/lib/campaigns/merge-fields";
import type { Db } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import type { TemplateInput } from "./template.schema";

/** The custom field keys merge fields may name (besides the contact's own fields). */
export async function customFieldKeys(db: Db): Promise<string[]> {
  const rows = await db.customField.findMany({ select: { key: true }, orderBy: { key: "asc" } });
  return rows.map((r) => r.key);
}

export async function listTemplates(db: Db) {
  return db.template.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, body: true, updatedAt: true } });
}

export async function getTemplate(db: Db, id: number) {
  const template = await db.template.findUnique({ where: { id } });
  if (!template) throw new NotFoundError("The template");
  return template;
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const other = await db.template.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) {
    throw new UserError("A template with this name already exists.", 409, { name: "A template with this name already exists." });
  }
}

/** The merge-field check, with its message moved to the form's `body` field. */
async function assertBody(db: Db, body: string): Promise<void> {
  const keys = await customFieldKeys(db);
  try {
    assertKnownFields(body, keys);
  } catch (error) {
    if (error instanceof UserError && error.fieldErrors?.text) throw new UserError(error.message, error.status, { body: error.fieldErrors.text });
    throw error;
  }
}

export async function createTemplate(db: Db, input: TemplateInput, actorId: number | null) {
  await assertBody(db, input.body);
  await assertNameFree(db, input.name);
  return db.$transaction(async (tx) => {
    const template = await tx.template.create({ data: { name: input.name, body: input.body, createdById: actorId } });
    await audit(tx, { action: "template.create", userId: actorId, targetType: "template", targetId: template.id, details: { name: input.name } });
    return template;
  });
}

export async function updateTemplate(db: Db, id: number, input: TemplateInput, actorId: number | null) {
  await getTemplate(db, id);
  await assertBody(db, input.body);
  await assertNameFree(db, input.name, id);
  return db.$transaction(async (tx) => {
    const template = await tx.template.update({ where: { id }, data: { name: input.name, body: input.body } });
    await audit(tx, { action: "template.update", userId: actorId, targetType: "template", targetId: id, details: { name: input.name } });
    return template;
  });
}

/** A free name for a copy of `name`: "name (copy)", then "name (copy 2)", "name (copy 3)"… */
async function copyName(db: Db, name: string): Promise<string> {
  const base = `${name} (copy`.slice(0, 90);
  const taken = new Set(
    (await db.template.findMany({ where: { name: { startsWith: base } }, select: { name: true } })).map((t) => t.name),
  );
  if (!taken.has(`${base})`)) return `${base})`;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n})`)) return `${base} ${n})`;
}

/** Copies a template under a free name; the copy is checked like any save (custom fields may have gone). */
export async function duplicateTemplate(db: Db, id: number, actorId: number | null) {
  const source = await getTemplate(db, id);
  return createTemplate(db, { name: await copyName(db, source.name), body: source.body }, actorId);
}

/** Deletes a template; campaigns that used it keep their own copy of the text. */
export async function deleteTemplate(db: Db, id: number, actorId: number | null): Promise<void> {
  const template = await getTemplate(db, id);
  await db.$transaction(async (tx) => {
    await tx.template.delete({ where: { id } });
    await audit(tx, { action: "template.delete", userId: actorId, targetType: "template", targetId: id, details: { name: template.name } });
  });
}
