/**
 * Opting contacts out and back in, from anywhere: the contacts pages (manual), the API, a STOP reply
 * (inbound), a gateway's opt-out code (in a delivery report or a send reply). One implementation,
 * `changeOptOut`, in the caller's SQL transaction: every change is recorded as an OptOutEvent with its
 * time and source and audited, and a contact already in the requested state is left alone (no event).
 * An opted-out contact is never sent a campaign message: the campaign engine filters on Contact.optedOut at
 * launch and again when it claims a batch.
 */
import { type Actor, actorFields, auditSql } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { castFor, oneOf, rowValues } from "@/lib/db/row-values";
import { normalizePhone } from "@/lib/sms/normalize-phone";
import type { OptOutSource } from "./opt-out-sources";

/** Where a change comes from: its source, a detail shown in the contact's history (e.g. the reply's text), and who made it. */
export interface OptOutOrigin {
  source: OptOutSource;
  detail: string | null;
  actor: Actor;
}

/** Which contacts: by id, or by phone number (E.164, or anything normalisable without a default country). */
export type ContactSelector = { contactIds: number[] } | { phones: string[] };

/**
 * Sets the contacts' opt-out state in `tx`; returns the ids that changed. One audit row per call (the
 * contact's id when there is one, else the count), one OptOutEvent per contact.
 */
export async function changeOptOut(tx: Sql, contactIds: number[], optedOut: boolean, origin: OptOutOrigin, now: Date): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const ids = oneOf(tx.dialect, `"id"`, "int", [...new Set(contactIds)]);
  const rows = await tx.all<{ id: number }>(
    `UPDATE "Contact" SET "optedOut" = ?, "optedOutAt" = ?, "optOutSource" = ?, "updatedAt" = ? WHERE ${ids.sql} AND "optedOut" = ? RETURNING "id"`,
    [optedOut, optedOut ? now : null, optedOut ? origin.source : null, now, ...ids.params, !optedOut],
  );
  const changed = rows.map((row) => Number(row.id));
  if (changed.length === 0) return [];
  const actor = actorFields(origin.actor);
  const cast = castFor(tx.dialect);
  const v = rowValues(tx.dialect, "v", { contact_id: "int" }, changed.map((id) => [id]));
  await tx.run(
    `INSERT INTO "OptOutEvent" ("contactId", "optedOut", "source", "detail", "userId", "createdAt")
     SELECT v.contact_id, ?${cast("boolean")}, ?${cast("text")}, ?${cast("text")}, ?${cast("int")}, ?${cast("timestamp")} FROM ${v.sql}`,
    [optedOut, origin.source, origin.detail, actor.userId, now, ...v.params],
  );
  await auditSql(
    tx,
    {
      action: optedOut ? "contact.opt_out" : "contact.opt_in",
      ...actor,
      targetType: "contact",
      targetId: changed.length === 1 ? changed[0] : undefined,
      details: { count: changed.length, source: origin.source, ...(origin.detail ? { detail: origin.detail } : {}) },
    },
    now,
  );
  return changed;
}

/** Opts the selected contacts out; returns the ids that changed (those not already opted out). */
export function optOutContacts(sql: Sql, who: ContactSelector, origin: OptOutOrigin): Promise<number[]> {
  return changeSelected(sql, who, true, origin);
}

/** Opts the selected contacts back in (e.g. a person who asked again); returns the ids that changed. */
export function optInContacts(sql: Sql, who: ContactSelector, origin: OptOutOrigin): Promise<number[]> {
  return changeSelected(sql, who, false, origin);
}

function changeSelected(sql: Sql, who: ContactSelector, optedOut: boolean, origin: OptOutOrigin): Promise<number[]> {
  return sql.transaction(async (tx) => changeOptOut(tx, await selectedIds(tx, who), optedOut, origin, new Date()));
}

async function selectedIds(tx: Sql, who: ContactSelector): Promise<number[]> {
  if ("contactIds" in who) return who.contactIds;
  const phones = who.phones.map((p) => {
    const normalized = normalizePhone(p, null);
    return normalized.ok ? normalized.e164 : p;
  });
  const byPhone = oneOf(tx.dialect, `"phone"`, "text", [...new Set(phones)]);
  const rows = await tx.all<{ id: number }>(`SELECT "id" FROM "Contact" WHERE ${byPhone.sql}`, byPhone.params);
  return rows.map((row) => Number(row.id));
}

/** The contact's opt-out history, newest first. */
export function optOutHistory(db: Db, contactId: number) {
  return db.optOutEvent.findMany({ where: { contactId }, orderBy: { id: "desc" }, take: 50, include: { user: { select: { email: true } } } });
}
