import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { importCsvFile, type ImportFileOptions } from "./import-file";
import { cancelImport, getImportReport } from "./import-job";

const dir = mkdtempSync(path.join(tmpdir(), "smscm-import-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function file(lines: string[]): string {
  const name = path.join(dir, `f${fileCount++}.csv`);
  writeFileSync(name, `${lines.join("\n")}\n`);
  return name;
}

const mapping = { phone: 0, firstName: 1, lastName: 2, optOut: 3, fields: [] };
const importFile = (t: TestDatabase, f: string, options: Partial<ImportFileOptions> = {}) =>
  importCsvFile(t.db, t.raw, f, { defaultCountry: "FR", mapping, newFields: [], list: { kind: "none" }, hasHeader: false, chunkRows: 2, ...options });

describe.each(testDatabases())("file import across chunks on $name", (target) => {
  const t = useTestDatabase(target, "import-pipeline");

  it("keeps the first row of a number repeated in the next chunk (two on PostgreSQL are written at once)", async () => {
    await t.db.contact.create({ data: { phone: "+33600000100", firstName: "Old", lastName: "Name" } });
    const report = await importFile(
      t,
      file([
        "+33600000101,A,A,no", // chunk 0
        "+33600000100,New,,no",
        "+33600000101,Dup,X,yes", // chunk 1: repeats chunk 0, still in flight on PostgreSQL
        "+33600000102,B,B,no",
        "+33600000100,Again,Y,yes", // chunk 2: repeats chunk 0 (committed) and chunk 1 (in flight)
        "+33600000102,Dup,Z,yes",
        "+33600000103,C,C,yes", // chunk 3: a repeat inside the chunk
        "+33600000103,Dup,W,no",
      ]),
      { list: { kind: "new", name: "Neighbours" } },
    );
    expect(report).toMatchObject({ status: "completed", rowsRead: 8, created: 3, updated: 1, duplicates: 4, rejected: 0, chunksDone: 4 });
    const contacts = await t.db.contact.findMany({ where: { phone: { startsWith: "+336000001" } }, orderBy: { phone: "asc" } });
    expect(contacts.map((c) => [c.phone, c.firstName, c.lastName, c.optedOut])).toEqual([
      ["+33600000100", "New", "Name", false],
      ["+33600000101", "A", "A", false],
      ["+33600000102", "B", "B", false],
      ["+33600000103", "C", "C", true],
    ]);
    const members = await t.db.listMembership.groupBy({ by: ["contactId"], where: { listId: report.listId! }, _count: { _all: true } });
    expect(members.map((m) => m._count._all)).toEqual([1, 1, 1, 1]);
    expect(await t.db.optOutEvent.count({ where: { contact: { phone: { startsWith: "+336000001" } } } })).toBe(1);
  });
});

describe.each(testDatabases().filter((target) => target.name === "postgres"))("file import over two connections on $name", (target) => {
  const t = useTestDatabase(target, "import-pipeline");
  /** 8 chunks of 3 numbers; chunk 2 opens with a contact that exists before the import. */
  const phones = Array.from({ length: 24 }, (_, i) => `+3360000${String(200 + i).padStart(4, "0")}`);

  /** Resolves once chunk `index` of the latest job waits, inside PostgreSQL, for chunk `index - 1` to end. */
  async function chunkWaiting(index: number): Promise<void> {
    for (let tries = 0; tries < 100; tries++) {
      const job = await t.db.importJob.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      const waiting = await t.db.$queryRawUnsafe<unknown[]>(
        `SELECT 1 FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND locktype = 'advisory' AND classid = ${job?.id ?? 0} AND objid = ${index - 1} AND objsubid = 2 AND NOT granted`,
      );
      if (waiting.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`chunk ${index} never waited for chunk ${index - 1}`);
  }

  /** A second session holding the row lock of `phone`'s contact until `release`. */
  async function lockContact(phone: string) {
    const locker = new pg.Client(t.url);
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query(`SELECT id FROM "Contact" WHERE phone = $1 FOR UPDATE`, [phone]);
    return { release: () => locker.query("ROLLBACK").finally(() => locker.end()) };
  }

  it("writes a chunk without waiting on the rows of the chunk before it, when it repeats one of its numbers", async () => {
    await t.db.contact.create({ data: { phone: "+33640000301", firstName: "Held" } });
    // Chunk 0 inserts +33640000300, then stays stuck behind the lock on +33640000301.
    const locker = await lockContact("+33640000301");
    const importing = importFile(t, file(["+33640000300,S,S,no", "+33640000301,E,E,no", "+33640000300,Dup,X,no", "+33640000302,T,T,no"]));
    const outcome = importing.then(() => null, (error: Error) => error);
    await chunkWaiting(1).finally(() => locker.release());
    expect(await outcome).toBeNull();
    expect(await getImportReport(t.db, (await importing).id)).toMatchObject({ created: 2, updated: 1, duplicates: 1, chunksDone: 2 });
    expect((await t.db.contact.findUnique({ where: { phone: "+33640000300" } }))?.firstName).toBe("S");
  });

  /**
   * Imports while a second session row-locks chunk 2's first contact, so chunk 2 stays in flight, stuck behind the lock,
   * until `interrupt` (run once chunk 1 has committed) has done its part; then releases the lock.
   */
  async function importInterrupted(prefix: string, interrupt: (jobId: number) => Promise<void>) {
    const numbers = phones.map((p) => p.replace("+3360000", prefix));
    await t.db.contact.create({ data: { phone: numbers[6], firstName: "Held" } });
    const locker = await lockContact(numbers[6]);
    let during: Promise<void> | undefined;
    const onChunk: ImportFileOptions["onChunk"] = ({ index }) => {
      if (index !== 1) return;
      during = (async () => {
        const job = await t.db.importJob.findFirstOrThrow({ where: { status: "running" }, orderBy: { id: "desc" } });
        await interrupt(job.id).finally(() => locker.release());
      })();
    };
    const importing = importFile(t, file(numbers.map((n, i) => `${n},P${i},Q,no`)), { chunkRows: 3, onChunk, connections: 2 });
    const outcome = await importing.then(() => null, (error: Error) => error);
    await during;
    const imported = await t.db.contact.findMany({ where: { phone: { in: numbers } }, orderBy: { phone: "asc" }, select: { phone: true, firstName: true } });
    return { error: outcome, imported, numbers };
  }

  async function expectWholeChunks(result: Awaited<ReturnType<typeof importInterrupted>>, status: string) {
    const job = await t.db.importJob.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Chunks 0 and 1 committed; chunk 2 and the one written beside it rolled back: the job may resume at 2.
    expect(await getImportReport(t.db, job.id)).toMatchObject({ status, chunksDone: 2, rowsRead: 6, created: 6, updated: 0 });
    expect(result.imported).toEqual([...result.numbers.slice(0, 6).map((phone, i) => ({ phone, firstName: `P${i}` })), { phone: result.numbers[6], firstName: "Held" }]);
  }

  it("a chunk done before the one ahead of it waits for that one's commit", async () => {
    // Chunk 3 writes its rows, then waits for chunk 2, stuck behind the lock.
    const result = await importInterrupted("+3363000", () => chunkWaiting(3));
    expect(result.error).toBeNull();
    const job = await t.db.importJob.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await getImportReport(t.db, job.id)).toMatchObject({ status: "completed", chunksDone: 8, rowsRead: 24, created: 23, updated: 1 });
    expect(result.imported.map((c) => c.firstName)).toEqual(result.numbers.map((_, i) => `P${i}`));
  });

  it("a cancel while two chunks are in flight keeps the whole chunks committed before it", async () => {
    const result = await importInterrupted("+3361000", (jobId) => cancelImport(t.db, jobId, null));
    expect(result.error?.message).toMatch(/canceled/);
    await expectWholeChunks(result, "canceled");
  });

  it("a connection killed mid-chunk leaves whole chunks and the position to resume from", async () => {
    const result = await importInterrupted("+3362000", async (jobId) => {
      const admin = new pg.Client(t.url);
      await admin.connect();
      // The backend writing chunk 2 holds the advisory lock (job, 2).
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND locktype = 'advisory' AND classid = $1 AND objid = 2 AND objsubid = 2 AND granted`,
        [jobId],
      );
      await admin.end();
      expect(killed.rowCount).toBe(1);
    });
    expect(result.error?.message).toMatch(/terminat/);
    await expectWholeChunks(result, "failed");
  });
});
