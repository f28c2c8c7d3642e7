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

/** What every message of a campaign without merge fields shares: the text is rendered and counted once. */
export interface ConstantPage {
  campaignId: number;
  accountId: number;
  expiresAt: Date;
  now: Date;
  text: string;
  encoding: Encoding;
  segments: number;
  /** The audience's condition on contacts aliased `c` (`audienceCondition`). */
  condition: { where: string; params: number[] };
}

/** The last contact id of the audience's next page (at most `limit` contacts after `afterId`), or null when none is left. */
export async function constantPageEnd(sql: Sql, page: ConstantPage, afterId: number, limit: number): Promise<number | null> {
  const [last] = await sql.all<{ id: number | string | null }>(
    `SELECT MAX("id") AS "id" FROM (SELECT c."id" FROM "Contact" c WHERE c."id" > ? AND ${page.condition.where} ORDER BY c."id" LIMIT ?) AS page`,
    [afterId, ...page.condition.params, limit],
  );
  return last?.id === null || last?.id === undefined ? null : Number(last.id);
}

/**
 * For a template without merge fields: the audience's contacts in (`afterId`, `lastId`] become messages in
 * one INSERT … SELECT, without reading the contacts into the process. A million-recipient launch then
 * costs two statements per page instead of a million rows round-tripped.
 */
export async function insertConstantPage(tx: Sql, page: ConstantPage, afterId: number, lastId: number): Promise<void> {
  const { condition } = page;
  const pg = tx.dialect === "postgres";
  const cast = (type: string) => (pg ? `::${type}` : "");
  const optedOut = `c."optedOut" = ?${cast("boolean")}`;
  await tx.run(
    `INSERT INTO "Message" ("campaignId", "contactId", "destination", "text", "encoding", "segments", "state", "skipReason", "providerAccountId", "expiresAt", "createdAt", "updatedAt", "finalAt")
     SELECT ?${cast("int")}, c."id", c."phone", ?${cast("text")}, ?${cast('"Encoding"')}, ?${cast("int")},
       (CASE WHEN ${optedOut} THEN 'skipped' ELSE 'queued' END)${cast('"MessageState"')}, CASE WHEN ${optedOut} THEN 'opted_out' END,
       ?${cast("int")}, ?${cast("timestamp")}, ?${cast("timestamp")}, ?${cast("timestamp")}, CASE WHEN ${optedOut} THEN ?${cast("timestamp")} END
     FROM "Contact" c WHERE c."id" > ? AND c."id" <= ? AND ${condition.where}
     ON CONFLICT ("campaignId", "contactId") DO NOTHING`,
    [
      page.campaignId, page.text, page.encoding, page.segments, true, true,
      page.accountId, page.expiresAt, page.now, page.now, true, page.now,
      afterId, lastId, ...condition.params,
    ],
  );
}
