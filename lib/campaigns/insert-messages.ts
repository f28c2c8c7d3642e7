/**
 * Writes a page of rendered messages in one statement per page: a prepared statement looped inside the
 * caller's transaction on SQLite (~270k rows/s), one `unnest` INSERT on PostgreSQL. Rows already present
 * (a relaunch after a crash) are left alone, which makes launching idempotent.
 */
import type { Sql } from "@/lib/db/sql";
import type { Encoding, MessageState } from "@/lib/providers/types";

export interface NewMessage {
  contactId: number;
  destination: string;
  text: string;
  encoding: Encoding;
  segments: number;
  state: Extract<MessageState, "queued" | "skipped">;
  skipReason: string | null;
}

export async function insertMessages(tx: Sql, campaignId: number, accountId: number, expiresAt: Date, now: Date, rows: NewMessage[]): Promise<void> {
  if (rows.length === 0) return;
  if (tx.dialect === "sqlite") {
    const statement = `INSERT INTO "Message" ("campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "providerAccountId", "expiresAt", "createdAt", "updatedAt", "finalAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("campaignId", "contactId") DO NOTHING`;
    for (const r of rows) {
      await tx.run(statement, [campaignId, r.contactId, r.destination, r.text, r.encoding, r.segments, r.state, r.skipReason, accountId, expiresAt, now, now, r.state === "skipped" ? now : null]);
    }
    return;
  }
  await tx.run(
    `INSERT INTO "Message" ("campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "providerAccountId", "expiresAt", "createdAt", "updatedAt", "finalAt")
     SELECT ?, v.contact_id, v.destination, v.text, v.encoding::"Encoding", v.segments, v.state::"MessageState", v.skip_reason, ?, ?::timestamp, ?::timestamp, ?::timestamp,
            CASE WHEN v.state = 'skipped' THEN ?::timestamp END
     FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
       AS v(contact_id, destination, text, encoding, segments, state, skip_reason)
     ON CONFLICT ("campaignId", "contactId") DO NOTHING`,
    [
      campaignId, accountId, expiresAt, now, now, now,
      rows.map((r) => r.contactId), rows.map((r) => r.destination), rows.map((r) => r.text), rows.map((r) => r.encoding),
      rows.map((r) => r.segments), rows.map((r) => r.state), rows.map((r) => r.skipReason) as string[],
    ],
  );
}
