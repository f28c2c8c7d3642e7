/**
 * Opting contacts out and back in, from anywhere: the contacts pages (manual), an import, a STOP reply
 * (inbound), a gateway report or the API. Every change is recorded as an OptOutEvent with its time and
 * source, in the same transaction; a contact already in the requested state is left alone (no event).
 * An opted-out contact is never sent a campaign message: the campaign engine filters on Contact.optedOut at
 * launch and again when it claims a batch.
 */
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { normalizePhone } from "@/lib/sms/normalize-phone";

export const OPT_OUT_SOURCES = ["manual", "import", "inbound", "gateway", "api"] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];

/** Which contacts: by id, or by phone number (E.164, or anything normalisable without a default country). */
export type ContactSelector = { contactIds: number[] } | { phones: string[] };

function whereOf(who: ContactSelector) {
  if ("contactIds" in who) return { id: { in: [...new Set(who.contactIds)] } };
  const phones = who.phones.map((p) => {
    const normalized = normalizePhone(p, null);
    return normalized.ok ? normalized.e164 : p;
  });
  return { phone: { in: [...new Set(phones)] } };
}

async function setOptOut(db: Db, who: ContactSelector, optedOut: boolean, source: OptOutSource, detail: string | null, userId: number | null): Promise<number[]> {
  return db.$transaction(async (tx) => {
    const contacts = await tx.contact.findMany({ where: { ...whereOf(who), optedOut: !optedOut }, select: { id: true } });
    const ids = contacts.map((c) => c.id);
    if (ids.length === 0) return [];
    const now = new Date();
    await tx.contact.updateMany({
      where: { id: { in: ids }, optedOut: !optedOut },
      data: optedOut ? { optedOut: true, optedOutAt: now, optOutSource: source } : { optedOut: false, optedOutAt: null, optOutSource: null },
    });
    await tx.optOutEvent.createMany({ data: ids.map((contactId) => ({ contactId, optedOut, source, detail, userId, createdAt: now })) });
    await audit(tx, { action: optedOut ? "contact.opt_out" : "contact.opt_in", userId, targetType: "contact", targetId: ids.length === 1 ? ids[0] : undefined, details: { count: ids.length, source } });
    return ids;
  });
}

/** Opts the contacts out; returns the ids that changed (those not already opted out). */
export function optOutContacts(db: Db, who: ContactSelector, source: OptOutSource, detail: string | null, userId: number | null): Promise<number[]> {
  return setOptOut(db, who, true, source, detail, userId);
}

/** Opts the contacts back in (e.g. a START reply, or a person who asked again); returns the ids that changed. */
export function optInContacts(db: Db, who: ContactSelector, source: OptOutSource, detail: string | null, userId: number | null): Promise<number[]> {
  return setOptOut(db, who, false, source, detail, userId);
}

/** The contact's opt-out history, newest first. */
export function optOutHistory(db: Db, contactId: number) {
  return db.optOutEvent.findMany({ where: { contactId }, orderBy: { id: "desc" }, take: 50, include: { user: { select: { email: true } } } });
}
