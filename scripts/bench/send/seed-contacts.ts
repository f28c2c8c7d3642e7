/**
 * Bulk seeding for the send benchmark: `count` contacts `+<first + i>` in a new list, written with the raw
 * driver in large transactions (better-sqlite3 prepared statements; PostgreSQL `unnest` inserts), so a
 * million rows take seconds and the benchmark measures the engine, not its fixtures.
 */
import type { RawDb } from "@/lib/db/raw";
import { sqliteTimestamp } from "@/lib/db/raw";

const CHUNK = 50_000;

/** Inserts the contacts and their memberships of a new list; returns the list id. */
export async function seedContacts(raw: RawDb, listName: string, count: number, first: number): Promise<number> {
  const now = new Date();
  if (raw.dialect === "sqlite") {
    const db = raw.sqlite;
    const at = sqliteTimestamp(now);
    const listId = Number(db.prepare(`INSERT INTO "ContactList" ("name", "createdAt", "updatedAt") VALUES (?, ?, ?)`).run(listName, at, at).lastInsertRowid);
    const contact = db.prepare(`INSERT INTO "Contact" ("phone", "firstName", "fields", "source", "createdAt", "updatedAt") VALUES (?, ?, '{}', 'bench', ?, ?) ON CONFLICT ("phone") DO NOTHING`);
    const byPhone = db.prepare(`SELECT "id" FROM "Contact" WHERE "phone" = ?`);
    const member = db.prepare(`INSERT INTO "ListMembership" ("listId", "contactId", "addedAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
    for (let start = 0; start < count; start += CHUNK) {
      db.transaction(() => {
        for (let i = start; i < Math.min(count, start + CHUNK); i++) {
          const phone = `+${first + i}`;
          const inserted = contact.run(phone, `Name${i}`, at, at);
          const id = inserted.changes > 0 ? inserted.lastInsertRowid : (byPhone.get(phone) as { id: number }).id;
          member.run(listId, id, at);
        }
      })();
    }
    return listId;
  }
  const { rows } = await raw.pool.query(`INSERT INTO "ContactList" ("name", "createdAt", "updatedAt") VALUES ($1, $2, $2) RETURNING "id"`, [listName, now]);
  const listId = Number(rows[0].id);
  for (let start = 0; start < count; start += CHUNK) {
    const phones = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => `+${first + start + i}`);
    await raw.pool.query(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[]) AS v(phone, first_name)),
       added AS (INSERT INTO "Contact" ("phone", "firstName", "fields", "source", "createdAt", "updatedAt")
         SELECT phone, first_name, '{}', 'bench', $3::timestamp, $3::timestamp FROM input ON CONFLICT ("phone") DO NOTHING RETURNING "id")
       INSERT INTO "ListMembership" ("listId", "contactId", "addedAt")
       SELECT $4::int, c."id", $3::timestamp FROM "Contact" c JOIN input ON input.phone = c."phone"
       UNION SELECT $4::int, "id", $3::timestamp FROM added ON CONFLICT DO NOTHING`,
      [phones, phones.map((_, i) => `Name${start + i}`), now, listId],
    );
  }
  return listId;
}
