/**
 * Stores inbound replies (deduplicated on the vendor's id, since gateways retry pushes), matches each to
 * its contact and to the campaign it most likely answers (the contact's latest message), and applies
 * STOP/START keywords everywhere, recorded with their source.
 */
import { changeOptOut } from "@/lib/contacts/opt-out";
import type { Sql } from "@/lib/db/sql";
import type { InboundMessage } from "@/lib/providers/types";
import { classifyReply, DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS, type KeywordLists } from "./keywords";

async function keywordLists(sql: Sql): Promise<KeywordLists> {
  const rows = await sql.all<{ key: string; value: string | string[] }>(`SELECT "key", "value" FROM "AppSetting" WHERE "key" IN ('optOutKeywords', 'optInKeywords')`);
  const read = (key: string, fallback: string[]) => {
    const row = rows.find((r) => r.key === key);
    const value = typeof row?.value === "string" ? JSON.parse(row.value) : row?.value;
    return Array.isArray(value) ? value.map(String) : fallback;
  };
  return { optOut: read("optOutKeywords", DEFAULT_OPT_OUT_KEYWORDS), optIn: read("optInKeywords", DEFAULT_OPT_IN_KEYWORDS) };
}

/** Returns how many messages were new (duplicates of earlier pushes are ignored). */
export async function ingestInbound(sql: Sql, accountId: number, messages: InboundMessage[], now = new Date()): Promise<number> {
  if (messages.length === 0) return 0;
  const lists = await keywordLists(sql);
  return sql.transaction(async (tx) => {
    let created = 0;
    for (const message of messages) {
      const [contact] = await tx.all<{ id: number }>(`SELECT "id" FROM "Contact" WHERE "phone" = ?`, [message.from]);
      const contactId = contact ? Number(contact.id) : null;
      const [latest] = contactId
        ? await tx.all<{ campaignId: number }>(`SELECT "campaignId" FROM "Message" WHERE "contactId" = ? ORDER BY "id" DESC LIMIT 1`, [contactId])
        : [];
      const keyword = classifyReply(message.text, lists);
      const inserted = await tx.run(
        `INSERT INTO "InboundMessage" ("providerAccountId", "providerMessageId", "from", "to", "text", "contactId", "campaignId", "keyword", "receivedAt", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("providerAccountId", "providerMessageId") DO NOTHING`,
        [accountId, message.providerMessageId, message.from, message.to, message.text, contactId, latest ? Number(latest.campaignId) : null, keyword?.keyword ?? null, message.receivedAt, now],
      );
      if (inserted === 0) continue;
      created += 1;
      if (keyword && contactId) await changeOptOut(tx, [contactId], keyword.kind === "opt-out", { source: "inbound", detail: `reply "${keyword.keyword}"`, actor: null }, now);
    }
    return created;
  });
}
