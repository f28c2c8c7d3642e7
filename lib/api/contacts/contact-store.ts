/**
 * Creating and editing single contacts for the API, and opting one out through lib/contacts/opt-out.ts.
 * Thin Prisma functions kept here until lib/contacts offers its own (its helper was writing import only
 * when the API was built); they follow the same rules: E.164 numbers, custom fields that exist, and the
 * audit row in the change's transaction.
 */
import { type Actor, actorFields, audit } from "@/lib/audit/audit";
import { holdLists } from "@/lib/contacts/lists";
import { changeOptOut } from "@/lib/contacts/opt-out";
import { type Db, Prisma } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { NotFoundError, UserError } from "@/lib/errors";
import { normalizePhone } from "@/lib/sms/normalize-phone";

type Tx = Prisma.TransactionClient;

export interface NewContact {
  phone: string;
  defaultCountry?: string;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  fields?: Record<string, string>;
  listIds?: number[];
}

export interface ContactChanges {
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  /** Merged into the stored fields; a null value removes that field. */
  fields?: Record<string, string | null>;
  addToListIds?: number[];
  removeFromListIds?: number[];
}

/** Custom fields named in `keys` that do not exist yet are created, so `{{key}}` works in messages at once. */
async function ensureCustomFields(tx: Tx, keys: string[]): Promise<void> {
  for (const key of keys) await tx.customField.upsert({ where: { key }, create: { key, label: key }, update: {} });
}

async function addToLists(tx: Tx, contactId: number, listIds: number[]): Promise<void> {
  const unique = [...new Set(listIds)];
  if (unique.length === 0) return;
  if (!(await holdLists(tx, unique))) throw new UserError("A list does not exist.", 400, { listIds: "A list does not exist." });
  for (const listId of unique) {
    await tx.listMembership.upsert({ where: { listId_contactId: { listId, contactId } }, create: { listId, contactId }, update: {} });
  }
}

export async function createContact(db: Db, actor: Actor, input: NewContact) {
  const phone = normalizePhone(input.phone, input.defaultCountry);
  if (!phone.ok) throw new UserError(`The phone number is not valid: ${phone.message}.`, 400, { phone: phone.message });
  try {
    return await db.$transaction(async (tx) => {
      await ensureCustomFields(tx, Object.keys(input.fields ?? {}));
      const contact = await tx.contact.create({
        data: {
          phone: phone.e164,
          country: phone.country,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          timezone: input.timezone ?? null,
          fields: input.fields ?? {},
          source: "api",
        },
      });
      await addToLists(tx, contact.id, input.listIds ?? []);
      await audit(tx, { action: "contact.create", ...actorFields(actor), targetType: "contact", targetId: contact.id });
      return contact;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("A contact with this phone number already exists.", 409, { phone: "A contact with this phone number already exists." });
    }
    throw error;
  }
}

export async function updateContact(db: Db, actor: Actor, contactId: number, changes: ContactChanges) {
  return db.$transaction(async (tx) => {
    const current = await tx.contact.findUnique({ where: { id: contactId } });
    if (!current) throw new NotFoundError("The contact");
    let fields: Record<string, unknown> | undefined;
    if (changes.fields) {
      const set = Object.entries(changes.fields).filter((entry): entry is [string, string] => entry[1] !== null);
      await ensureCustomFields(tx, set.map(([key]) => key));
      fields = { ...(current.fields as Record<string, unknown>) };
      for (const [key, value] of Object.entries(changes.fields)) {
        if (value === null) delete fields[key];
        else fields[key] = value;
      }
    }
    const contact = await tx.contact.update({
      where: { id: contactId },
      data: { firstName: changes.firstName, lastName: changes.lastName, timezone: changes.timezone, fields: fields as Prisma.InputJsonValue | undefined },
    });
    await addToLists(tx, contactId, changes.addToListIds ?? []);
    if (changes.removeFromListIds?.length) await tx.listMembership.deleteMany({ where: { contactId, listId: { in: changes.removeFromListIds } } });
    const changed = Object.keys(changes).filter((k) => changes[k as keyof ContactChanges] !== undefined);
    await audit(tx, { action: "contact.update", ...actorFields(actor), targetType: "contact", targetId: contactId, details: { changed } });
    return contact;
  });
}

/**
 * Opts a contact out: no campaign sends to them again (also checked when each batch is claimed). Opting
 * out someone already opted out changes nothing and records nothing.
 */
export async function optOutContact(services: { db: Db; sql: Sql }, actor: Actor, contactId: number, detail?: string) {
  await services.sql.transaction(async (tx) => {
    const changed = await changeOptOut(tx, [contactId], true, { source: "api", detail: detail ?? null, actor }, new Date());
    // Nothing changed: already opted out, or no such contact (asked in the same transaction, so no race).
    if (changed.length === 0 && (await tx.all(`SELECT 1 FROM "Contact" WHERE "id" = ?`, [contactId])).length === 0) throw new NotFoundError("The contact");
  });
  const contact = await services.db.contact.findUnique({ where: { id: contactId } });
  if (!contact) throw new NotFoundError("The contact"); // deleted right after
  return contact;
}
