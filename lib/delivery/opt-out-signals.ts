/**
 * Opt-outs that arrive through the delivery path (a gateway's opt-out or do-not-disturb code, an inbound
 * STOP), written in the caller's transaction with the event that caused them.
 */
import type { Sql } from "@/lib/db/sql";

export async function setOptOut(tx: Sql, contactIds: number[], optedOut: boolean, source: string, detail: string, now: Date): Promise<void> {
  for (const contactId of new Set(contactIds)) {
    const changed = await tx.run(
      `UPDATE "Contact" SET "optedOut" = ?, "optedOutAt" = ?, "optOutSource" = ?, "updatedAt" = ? WHERE "id" = ? AND "optedOut" = ?`,
      [optedOut, optedOut ? now : null, optedOut ? source : null, now, contactId, !optedOut],
    );
    if (changed > 0) {
      await tx.run(`INSERT INTO "OptOutEvent" ("contactId", "optedOut", "source", "detail", "createdAt") VALUES (?, ?, ?, ?, ?)`, [contactId, optedOut, source, detail, now]);
      await tx.run(
        `INSERT INTO "AuditLog" ("action", "targetType", "targetId", "details", "createdAt") VALUES (?, 'contact', ?, ?, ?)`,
        [optedOut ? "contact.opt_out" : "contact.opt_in", String(contactId), JSON.stringify({ source, detail }), now],
      );
    }
  }
}
