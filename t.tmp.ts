import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
const d = await createTestDatabase(testDatabases()[0], "probe");
if (d.raw.dialect !== "sqlite") throw 0;
const db = d.raw.sqlite;
const [size, cache, ckpt] = process.argv.slice(2).map(Number);
db.pragma(`cache_size = ${cache}`);
if (ckpt) db.pragma(`wal_autocheckpoint = ${ckpt}`);
const ins = db.prepare(`INSERT OR IGNORE INTO Contact (phone, firstName, lastName, fields, country, optedOut, source, createdAt, updatedAt) VALUES (?, 'Ana', 'Smith', '{"city":"Paris"}', 'US', 0, 'import', 'x', 'x')`);
const find = db.prepare(`SELECT id, updatedAt, optedOut FROM Contact WHERE phone = ?`);
const t = performance.now();
for (let c = 0; c < 1e6 / size; c++) {
  const phones = []; for (let i = 0; i < size; i++) phones.push("+1" + String(Math.floor(Math.random() * 9e9) + 1e9));
  db.transaction(() => { for (const p of phones) { find.get(p); ins.run(p); } })();
}
console.log(size, cache, ckpt, Math.round(1e6 / ((performance.now() - t) / 1000)), "rows/s");
await d.drop();
