/**
 * Writes a page of a launch's messages in one statement: rendered rows (a prepared statement looped inside
 * the caller's transaction on SQLite, ~270k rows/s; one `unnest` INSERT on PostgreSQL), or, for a text
 * without merge fields, an INSERT … SELECT that copies the audience without reading it into the process.
 *
 * `existing` says what a row already there does (a relaunch after a crash, or a second worker launching
 * the same campaign): `skip` leaves it alone; `fail` makes the statement fail with a unique violation and
 * is the faster way when no row is expected (launch-campaign.ts says when).
 */
import type { Sql } from "@/lib/db/sql";
import type { Encoding, MessageState } from "@/lib/providers/types";
import type { AudienceCondition } from "./audience";

export type ExistingRows = "skip" | "fail";

export interface NewMessage {
  contactId: number;
  destination: string;
  text: string;
  encoding: Encoding;
  segments: number;
  state: Extract<MessageState, "queued" | "skipped">;
  skipReason: string | null;
}

const COLUMNS = `"campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "providerAccountId", "expiresAt", "createdAt", "updatedAt", "finalAt"`;

const onConflict = (existing: ExistingRows) => (existing === "skip" ? `ON CONFLICT ("campaignId", "contactId") DO NOTHING` : "");

export async function insertMessages(tx: Sql, campaignId: number, accountId: number, expiresAt: Date, now: Date, rows: NewMessage[], existing: ExistingRows): Promise<void> {
  if (rows.length === 0) return;
  if (tx.dialect === "sqlite") {
    const statement = `INSERT INTO "Message" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${onConflict(existing)}`;
    for (const r of rows) {
      await tx.run(statement, [campaignId, r.contactId, r.destination, r.text, r.encoding, r.segments, r.state, r.skipReason, accountId, expiresAt, now, now, r.state === "skipped" ? now : null]);
    }
    return;
  }
  await tx.run(
    `INSERT INTO "Message" (${COLUMNS})
     SELECT ?, v.contact_id, v.destination, v.text, v.encoding::"Encoding", v.segments, v.state::"MessageState", v.skip_reason, ?, ?::timestamp, ?::timestamp, ?::timestamp,
            CASE WHEN v.state = 'skipped' THEN ?::timestamp END
     FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
       AS v(contact_id, destination, text, encoding, segments, state, skip_reason)
     ${onConflict(existing)}`,
    [
      campaignId, accountId, expiresAt, now, now, now,
      rows.map((r) => r.contactId), rows.map((r) => r.destination), rows.map((r) => r.text), rows.map((r) => r.encoding),
      rows.map((r) => r.segments), rows.map((r) => r.state), rows.map((r) => r.skipReason) as string[],
    ],
  );
}

/** What every message of a campaign without merge fields shares: the text is rendered and counted once. */
export interface ConstantPage {
  campaignId: number;
  accountId: number;
  expiresAt: Date;
  now: Date;
  text: string;
  encoding: Encoding;
  segments: number;
  /** Who the campaign goes to (`audienceCondition`). */
  condition: AudienceCondition;
}

/**
 * For a template without merge fields: the audience's contacts in an id range (`idRange`) become messages
 * in one INSERT … SELECT, without reading the contacts into the process. A million-recipient launch then
 * costs one statement per page instead of a million rows round-tripped.
 */
export async function insertConstantPage(tx: Sql, page: ConstantPage, range: AudienceCondition, existing: ExistingRows): Promise<void> {
  const { condition } = page;
  const pg = tx.dialect === "postgres";
  const cast = (type: string) => (pg ? `::${type}` : "");
  const optedOut = `c."optedOut" = ?${cast("boolean")}`;
  await tx.run(
    `INSERT INTO "Message" (${COLUMNS})
     SELECT ?${cast("int")}, c."id", c."phone", ?${cast("text")}, ?${cast('"Encoding"')}, ?${cast("int")},
       (CASE WHEN ${optedOut} THEN 'skipped' ELSE 'queued' END)${cast('"MessageState"')}, CASE WHEN ${optedOut} THEN 'opted_out' END,
       ?${cast("int")}, ?${cast("timestamp")}, ?${cast("timestamp")}, ?${cast("timestamp")}, CASE WHEN ${optedOut} THEN ?${cast("timestamp")} END
     FROM "Contact" c WHERE ${range.where} AND ${condition.where}
     ${onConflict(existing)}`,
    [
      page.campaignId, page.text, page.encoding, page.segments, true, true,
      page.accountId, page.expiresAt, page.now, page.now, true, page.now,
      ...range.params, ...condition.params,
    ],
  );
}
