import Database from "better-sqlite3";
const [variant, sizeS] = process.argv.slice(2);
const size = Number(sizeS ?? 5000);
const db = new Database("/tmp/probe-" + process.pid + ".db");
db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL");
db.pragma("cache_size = -200000");
if (variant.includes("mmap")) db.pragma("mmap_size = 1073741824");
if (variant.includes("off")) db.pragma("synchronous = OFF");
if (variant.includes("ckpt")) db.pragma("wal_autocheckpoint = 100000");
db.exec(`CREATE TABLE "Contact" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "phone" TEXT NOT NULL, "firstName" TEXT, "lastName" TEXT, "fields" JSONB NOT NULL DEFAULT '{}', "country" TEXT, "optedOut" BOOLEAN NOT NULL DEFAULT false, "source" TEXT, "createdAt" DATETIME, "updatedAt" DATETIME);
CREATE UNIQUE INDEX "Contact_phone_key" ON "Contact"("phone");`);
const ins = db.prepare(`INSERT OR IGNORE INTO Contact (phone, firstName, lastName, fields, country, optedOut, source, createdAt, updatedAt) VALUES (?, 'Ana', 'Smith', '{"city":"Paris"}', 'US', 0, 'import', 'x', 'x')`);
let inTx = 0;
const t = performance.now();
for (let c = 0; c < 1e6 / size; c++) {
  const phones = []; for (let i = 0; i < size; i++) phones.push("+1" + String(Math.floor(Math.random() * 9e9) + 1e9));
  if (variant.includes("sort")) phones.sort();
  const s = performance.now();
  db.transaction(() => { for (const p of phones) ins.run(p); })();
  inTx += performance.now() - s;
}
console.log(variant, size, Math.round(1e6 / ((performance.now() - t) / 1000)), "rows/s", "tx ms", Math.round(inTx));
