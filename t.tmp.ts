import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
const d = await createTestDatabase(testDatabases()[0], "probe");
if (d.raw.dialect !== "sqlite") throw 0;
const db = d.raw.sqlite;
db.pragma("cache_size = -65536");
const variant = process.argv[2];
if (variant === "noidx") { db.exec(`DROP INDEX "Contact_optedOut_idx"; DROP INDEX "Contact_country_idx"; DROP INDEX "Contact_lastName_firstName_idx";`); }
const ins = db.prepare(`INSERT OR IGNORE INTO Contact (phone, firstName, lastName, fields, country, optedOut, source, createdAt, updatedAt) VALUES (?, 'Ana', 'Smith', '{"city":"Paris"}', 'US', 0, 'import', 'x', 'x')`);
const find = db.prepare(`SELECT id, updatedAt, optedOut FROM Contact WHERE phone = ?`);
const t = performance.now();
for (let c = 0; c < 200; c++) {
  const phones = []; for (let i = 0; i < 5000; i++) phones.push("+1" + String(Math.floor(Math.random() * 9e9) + 1e9));
  if (variant === "sorted") phones.sort();
  db.transaction(() => { for (const p of phones) { if (variant !== "nofind") find.get(p); ins.run(p); } })();
}
console.log(variant, Math.round(1e6 / ((performance.now() - t) / 1000)), "rows/s");
await d.drop();
