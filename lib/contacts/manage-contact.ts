/** Editing and deleting one contact by hand; each change audited in its own transaction. */
import type { z } from "zod";
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { normalizePhone } from "@/lib/sms/normalize-phone";
import type { updateContactSchema } from "./contacts.schema";

export async function updateContact(db: Db, userId: number | null, input: z.infer<typeof updateContactSchema>) {
  const phone = normalizePhone(input.phone, input.defaultCountry);
  if (!phone.ok) throw new UserError(phone.message, 400, { phone: `${phone.message}.` });
  try {
    await db.$transaction(async (tx) => {
      const contact = await tx.contact.findUnique({ where: { id: input.id } });
      if (!contact) throw new NotFoundError("The contact");
      const known = await tx.customField.findMany({ where: { key: { in: Object.keys(input.fields) } }, select: { key: true } });
      const keys = new Set(known.map((f) => f.key));
      const fields = { ...(contact.fields as Record<string, string>) };
      for (const [key, value] of Object.entries(input.fields)) {
        if (!keys.has(key)) continue;
        if (value === "") delete fields[key];
        else fields[key] = value;
      }
      await tx.contact.update({
        where: { id: input.id },
        data: { phone: phone.e164, country: phone.country, firstName: input.firstName || null, lastName: input.lastName || null, fields },
      });
      await audit(tx, { action: "contact.update", userId, targetType: "contact", targetId: input.id, details: phone.e164 !== contact.phone ? { phoneChanged: true } : undefined });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("Another contact has this number.", 409, { phone: "Another contact has this number." });
    }
    throw error;
  }
}

/**
 * Deletes contacts with their messages and opt-out history (cascades), then their list memberships, which
 * have no foreign key: deleting the contacts first waits for any writer holding them (`holdContacts`).
 */
export async function deleteContacts(db: Db, userId: number | null, contactIds: number[]) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.contact.deleteMany({ where: { id: { in: contactIds } } });
    await tx.listMembership.deleteMany({ where: { contactId: { in: contactIds } } });
    await audit(tx, { action: "contact.delete", userId, targetType: "contact", targetId: contactIds.length === 1 ? contactIds[0] : undefined, details: { count } });
    return count;
  });
}
