/**
 * How the contacts page's queries hold up at a million contacts (SQLite, and PostgreSQL when
 * TEST_POSTGRES_URL is set): fills a fresh database with 1,000,000 contacts in one list and times each
 * query the page runs. Run: npx tsx scripts/bench/contacts-query.ts
 */
import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
import { searchContacts, contactCountries } from "@/lib/contacts/query-contacts";
import type { ContactFilter } from "@/lib/contacts/contacts.schema";
import { sqliteTimestamp } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";

const N = 1_000_000;
const COUNTRIES = ["FR", "US", "GB", "DE"];

for (const target of testDatabases()) {
  const t = await createTestDatabase(target, "querybench");
  try {
    const list = await t.db.contactList.create({ data: { name: "All" } });
    const half = await t.db.contactList.create({ data: { name: "Half" } });
    if (t.raw.dialect === "sqlite") {
      const now = sqliteTimestamp(new Date());
      const ins = t.raw.sqlite.prepare(`INSERT INTO Contact (phone, firstName, lastName, fields, country, optedOut, source, createdAt, updatedAt) VALUES (?, ?, ?, '{}', ?, ?, 'import', ?, ?)`);
      const mem = t.raw.sqlite.prepare(`INSERT INTO ListMembership (listId, contactId, addedAt) VALUES (?, ?, ?)`);
      for (let start = 0; start < N; start += 50_000) {
        t.raw.sqlite.transaction(() => {
          for (let i = start; i < start + 50_000; i++) {
            const id = Number(ins.run(`+336${String(10_000_000 + i * 7).padStart(8, "0")}`, `First${i % 1000}`, `Last${i % 5000}`, COUNTRIES[i % 4], i % 100 === 0 ? 1 : 0, now, now).lastInsertRowid);
            mem.run(list.id, id, now);
            if (i % 2 === 0) mem.run(half.id, id, now);
          }
        })();
      }
    } else {
      const c = await t.raw.pool.connect();
      await c.query(`INSERT INTO "Contact" (phone, "firstName", "lastName", fields, country, "optedOut", source, "createdAt", "updatedAt")
        SELECT '+336' || lpad((10000000 + i * 7)::text, 8, '0'), 'First' || (i % 1000), 'Last' || (i % 5000), '{}', (ARRAY['FR','US','GB','DE'])[i % 4 + 1], i % 100 = 0, 'import', now(), now() FROM generate_series(0, ${N - 1}) i`);
      await c.query(`INSERT INTO "ListMembership" ("listId", "contactId") SELECT $1, id FROM "Contact"`, [list.id]);
      await c.query(`INSERT INTO "ListMembership" ("listId", "contactId") SELECT $1, id FROM "Contact" WHERE id % 2 = 0`, [half.id]);
      await c.query("ANALYZE");
      c.release();
    }
    const cases: [string, ContactFilter][] = [
      ["first page", {}],
      ["deep page (keyset)", { before: 500_000 }],
      ["phone prefix", { q: "+33610000" }],
      ["name prefix (common)", { q: "Last42" }],
      ["name prefix (no match)", { q: "Nobody" }],
      ["list filter", { listId: half.id }],
      ["opted out", { optedOut: "yes" }],
      ["country", { country: "GB" }],
      ["country + opted out + list", { country: "DE", optedOut: "yes", listId: half.id }],
    ];
    console.log(`${target.name}: ${N.toLocaleString("en")} contacts`);
    for (const [label, filter] of cases) {
      await searchContacts(t.db, sqlFor(t.raw), filter); // warm
      const started = performance.now();
      const runs = 5;
      for (let r = 0; r < runs; r++) await searchContacts(t.db, sqlFor(t.raw), filter);
      console.log(`  ${label.padEnd(30)} ${((performance.now() - started) / runs).toFixed(1)} ms`);
    }
    let started = performance.now();
    await contactCountries(t.db);
    console.log(`  ${"countries for the filter".padEnd(30)} ${(performance.now() - started).toFixed(1)} ms`);
    started = performance.now();
    await t.db.contact.count();
    console.log(`  ${"total count".padEnd(30)} ${(performance.now() - started).toFixed(1)} ms`);
  } finally {
    await t.drop();
  }
}
