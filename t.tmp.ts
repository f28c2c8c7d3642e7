import { createTestDatabase, testDatabases } from "@/lib/testing/test-databases";
import { writeChunkSqlite } from "@/lib/contacts/write-chunk.sqlite";
import { startImport } from "@/lib/contacts/import-job";
import { startImportSchema } from "@/lib/contacts/import.schema";
const [size, cache] = process.argv.slice(2).map(Number);
const d = await createTestDatabase(testDatabases()[0], "probe");
if (d.raw.dialect !== "sqlite") throw 0;
if (cache) d.raw.sqlite.pragma(`cache_size = ${cache}`);
const job = await startImport(d.db, null, startImportSchema.parse({ fileName: "x", hasHeader: true, mapping: { phone: 0 }, list: { kind: "new", name: "L" } }));
const stamp = new Date();
const t = performance.now();
for (let c = 0; c < 1e6 / size; c++) {
  const contacts = [];
  for (let i = 0; i < size; i++) contacts.push({ rowNumber: i, phone: "+1" + String(Math.floor(Math.random() * 9e9) + 1e9), country: "US", firstName: "Ana", lastName: "Smith", fields: { city: "Paris", tier: "gold" }, optOut: false });
  writeChunkSqlite(d.raw.sqlite, { jobId: job.id, chunkIndex: c, stamp, listId: job.listId, userId: null, rowsRead: size, duplicates: 0, contacts, rejected: [] });
}
console.log(size, cache, Math.round(1e6 / ((performance.now() - t) / 1000)), "rows/s");
await d.drop();
