import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { importCsvFile, type ImportFileOptions } from "./import-file";
import { cancelImport, commitPreparedChunk, getImportReport, loadJobPlan, prepareForJob, processImportChunk, startImport } from "./import-job";
import { startImportSchema } from "./import.schema";
import { deleteList } from "./lists";

const dir = mkdtempSync(path.join(tmpdir(), "smscm-import-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function file(content: string | Uint8Array): string {
  const name = path.join(dir, `f${fileCount++}.csv`);
  writeFileSync(name, content);
  return name;
}

const mapping = { phone: 0, firstName: 1, lastName: 2, optOut: null, fields: [] };

describe.each(testDatabases())("contact import on $name", (target) => {
  const t = useTestDatabase(target, "import");
  const run = (f: string, options: Partial<ImportFileOptions> = {}) =>
    importCsvFile(t.db, t.raw, f, { defaultCountry: "FR", mapping, newFields: [], list: { kind: "none" }, chunkRows: 3, ...options });
  const contact = (phone: string) => t.db.contact.findUnique({ where: { phone } });

  it("imports a comma file with a header, normalising national and international formats", async () => {
    const report = await run(file("phone,first,last\n06 12 34 56 78,Zoé,Martin\n+33 7-12-34-56-78,Ana,\n0033 6 99 88 77 66,Bea,Roux\n"));
    expect(report).toMatchObject({ status: "completed", rowsRead: 3, created: 3, updated: 0, duplicates: 0, rejected: 0 });
    expect(await contact("+33612345678")).toMatchObject({ firstName: "Zoé", lastName: "Martin", country: "FR", source: "import" });
    expect(await contact("+33712345678")).toMatchObject({ firstName: "Ana", lastName: null });
  });

  it("reads semicolon and tab files, quoted newlines, BOM, CRLF and blank lines", async () => {
    const semicolon = file("\uFEFFphone;first;last\r\n+33600000001;\"Multi\r\nline\";X\r\n\r\n;;\r\n+33600000002;B;Y\r\n");
    const r1 = await run(semicolon);
    expect(r1).toMatchObject({ rowsRead: 2, created: 2, rejected: 0 });
    expect((await contact("+33600000001"))?.firstName).toBe("Multi\r\nline");
    const tab = file("phone\tfirst\tlast\n+33600000003\tC\tZ\n");
    expect(await run(tab)).toMatchObject({ rowsRead: 1, created: 1 });
  });

  it("stores backslashes, tabs, quotes and JSON-like text exactly as written", async () => {
    const tricky = file('phone,first,last,note\n+33600000005,"Tab\there","C:\\N\\x","{""a"": ""\\N""}"\n');
    const report = await run(tricky, { mapping: { ...mapping, fields: [{ column: 3, key: "note" }] }, newFields: [{ key: "note", label: "Note" }] });
    expect(report).toMatchObject({ rowsRead: 1, created: 1, rejected: 0 });
    expect(await contact("+33600000005")).toMatchObject({ firstName: "Tab\there", lastName: "C:\\N\\x", fields: { note: '{"a": "\\N"}' } });
  });

  it("reads Windows-1252 files without a header", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("+33600000004;Zo"), 0xe9, ...new TextEncoder().encode(";M"), 0xfc, ...new TextEncoder().encode("ller\r\n")]);
    const report = await run(file(bytes));
    expect(report).toMatchObject({ rowsRead: 1, created: 1 });
    expect(await contact("+33600000004")).toMatchObject({ firstName: "Zoé", lastName: "Müller" });
  });

  it("rejects each bad row with its reason and keeps it for the download", async () => {
    const lines = [
      "phone,first,last",
      ",NoPhone,A",
      "call me,Letters,B",
      "+999 1234 5678,BadCode,C",
      "1,Short,D",
      "+33 6 12 34 56 78 90 12 34 56 78,Long,E",
      "+33 012345678,Impossible,F",
      `+33600000010,${"x".repeat(101)},G`,
      "+33600000011,Fine,H",
    ];
    const report = await run(file(lines.join("\n")));
    expect(report).toMatchObject({ rowsRead: 8, created: 1, rejected: 7 });
    const rejected = await t.db.importRejectedRow.findMany({ where: { importJobId: report.id }, orderBy: { rowNumber: "asc" } });
    expect(rejected.map((r) => [r.rowNumber, r.reason])).toEqual([
      [2, "Phone: No phone number"],
      [3, "Phone: Not a phone number"],
      [4, "Phone: Unknown country code"],
      [5, "Phone: Too short to be a phone number"],
      [6, "Phone: Too long to be a phone number"],
      [7, "Phone: Not a possible number for FR"],
      [8, "First name is longer than 100 characters"],
    ]);
    expect(rejected[1].raw).toBe("call me,Letters,B");
    expect(report.reasons.length).toBe(7);
  });

  it("rejects national numbers when there is no default country", async () => {
    const report = await run(file("phone,first,last\n0612345678,A,B\n+33600000012,C,D\n"), { defaultCountry: null });
    expect(report).toMatchObject({ created: 1, rejected: 1, reasons: [{ reason: "Phone: No country code (+…) and no default country", count: 1 }] });
  });

  it("deduplicates within the file (inside and across chunks) and against existing contacts", async () => {
    await t.db.contact.create({ data: { phone: "+33600000020", firstName: "Old", lastName: "Name", fields: { tier: "gold" } } });
    const lines = [
      "phone,first,last",
      "+33600000020,New,", // existing: updated, last name kept
      "06 00 00 00 21,A,A",
      "+33 6 00 00 00 21,Dup,InChunk", // same chunk duplicate
      "+33600000022,B,B",
      "+33600000020,Again,X", // later chunk: duplicate of row 2
      "0600000022,Dup,Cross", // later chunk: duplicate of row 5
      "+33600000023,C,C",
    ];
    const report = await run(file(lines.join("\n")));
    expect(report).toMatchObject({ rowsRead: 7, created: 3, updated: 1, duplicates: 3, rejected: 0 });
    expect(await contact("+33600000020")).toMatchObject({ firstName: "New", lastName: "Name", fields: { tier: "gold" } });
    expect((await contact("+33600000021"))?.firstName).toBe("A");
    expect((await contact("+33600000022"))?.firstName).toBe("B");
    // A second import of the same file updates instead (it is a different job).
    const again = await run(file(lines.join("\n")));
    expect(again).toMatchObject({ created: 0, updated: 4, duplicates: 3 });
  });

  it("reads and prepares in a worker thread with the same outcome", async () => {
    const lines = ["phone,first,last", ...Array.from({ length: 40 }, (_, i) => `+336100000${String(i % 30).padStart(2, "0")},P${i},Q`), "nope,X,Y"];
    const report = await run(file(lines.join("\n")), { worker: true, chunkRows: 25 });
    expect(report).toMatchObject({ status: "completed", rowsRead: 41, created: 30, updated: 0, duplicates: 10, rejected: 1, chunksDone: 2 });
    expect((await contact("+33610000005"))?.firstName).toBe("P5");
  });

  it("strips a formula-escape apostrophe, fills custom fields, opts out and adds to a list", async () => {
    const lines = ["phone,first,last,tier,stop", "'+33600000030,'=Bob,'-Smith,'@vip,yes", "+33600000031,Eve,,,no", "+33600000032,Max,,,maybe"];
    const report = await run(file(lines.join("\n")), {
      mapping: { ...mapping, optOut: 4, fields: [{ column: 3, key: "tier" }] },
      newFields: [{ key: "tier", label: "Tier" }],
      list: { kind: "new", name: "Spring" },
    });
    expect(report).toMatchObject({ created: 2, rejected: 1, listName: "Spring" });
    const bob = await contact("+33600000030");
    expect(bob).toMatchObject({ firstName: "=Bob", lastName: "-Smith", fields: { tier: "@vip" }, optedOut: true, optOutSource: "import" });
    expect(await t.db.optOutEvent.count({ where: { contactId: bob!.id, optedOut: true, source: "import" } })).toBe(1);
    expect(await t.db.listMembership.count({ where: { listId: report.listId! } })).toBe(2);
    expect(report.reasons[0].reason).toMatch(/Opt-out value "maybe"/);
  });

  it("applies each chunk once, refuses gaps, and stops at cancel keeping what was committed", async () => {
    const input = startImportSchema.parse({ fileName: "manual.csv", hasHeader: false, defaultCountry: "FR", mapping });
    const job = await startImport(t.db, null, input);
    const chunk0 = { chunkIndex: 0, firstRowNumber: 1, rows: [["+33600000040", "A", "B"]], malformed: [] };
    expect((await processImportChunk(t.db, t.raw, job.id, chunk0)).applied).toBe(true);
    expect((await processImportChunk(t.db, t.raw, job.id, chunk0)).applied).toBe(false);
    // a chunk ahead of its turn waits for the one before it, and is refused if that one never comes
    await expect(processImportChunk(t.db, t.raw, job.id, { ...chunk0, chunkIndex: 2 }, 100)).rejects.toThrow(/before chunk 1/);
    await cancelImport(t.db, job.id, null);
    await expect(processImportChunk(t.db, t.raw, job.id, { ...chunk0, chunkIndex: 1, rows: [["+33600000041", "C", "D"]] })).rejects.toThrow(/canceled/);
    const report = await getImportReport(t.db, job.id);
    expect(report).toMatchObject({ status: "canceled", rowsRead: 1, created: 1, chunksDone: 1 });
    expect(await contact("+33600000041")).toBeNull();
  });

  it("refuses a chunk waiting for its turn as soon as the import is canceled, without waiting out its time", async () => {
    const input = startImportSchema.parse({ fileName: "waiting.csv", hasHeader: false, defaultCountry: "FR", mapping });
    const job = await startImport(t.db, null, input);
    const started = performance.now();
    // chunk 1 arrives first and waits (up to the default 30 s) for chunk 0, which never comes
    const waiting = processImportChunk(t.db, t.raw, job.id, { chunkIndex: 1, firstRowNumber: 2, rows: [["+33600000045", "W", "X"]], malformed: [] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await cancelImport(t.db, job.id, null);
    await expect(waiting).rejects.toThrow(/canceled/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await contact("+33600000045")).toBeNull();
  });

  it("refuses the rest of an import whose list is deleted mid-way, and leaves none of its memberships", async () => {
    const input = startImportSchema.parse({ fileName: "doomed.csv", hasHeader: false, defaultCountry: "FR", mapping, list: { kind: "new", name: "Doomed" } });
    const job = await startImport(t.db, null, input);
    // The file importer loads the job's plan once, with its list, and writes every chunk with it.
    const plan = await loadJobPlan(t.db, job.id);
    const listId = plan.listId!;
    const chunk = (index: number, phone: string) => commitPreparedChunk(t.raw, plan, index, prepareForJob(plan, t.raw.dialect, { firstRowNumber: index + 1, rows: [[phone, "A", ""]], malformed: [] }));
    await chunk(0, "+33600000060");
    expect(await t.db.listMembership.count({ where: { listId } })).toBe(1);
    await deleteList(t.db, null, listId);
    await expect(chunk(1, "+33600000061")).rejects.toThrow(/list this import adds contacts to was deleted/);
    // The browser's upload reads the job again for each chunk: it is refused too, not written without the list.
    const upload = { chunkIndex: 1, firstRowNumber: 2, rows: [["+33600000061", "B", ""]], malformed: [] };
    await expect(processImportChunk(t.db, t.raw, job.id, upload)).rejects.toThrow(/list this import adds contacts to was deleted/);
    expect(await contact("+33600000061")).toBeNull();
    expect(await t.db.listMembership.count({ where: { listId } })).toBe(0);
  });

  it("rolls a failing chunk back entirely and reports how far an interrupted import got", async () => {
    const input = startImportSchema.parse({ fileName: "broken.csv", hasHeader: false, defaultCountry: "FR", mapping });
    const job = await startImport(t.db, null, input);
    await processImportChunk(t.db, t.raw, job.id, { chunkIndex: 0, firstRowNumber: 1, rows: [["+33600000050", "A", ""]], malformed: [] });
    const plan = await loadJobPlan(t.db, job.id);
    // A chunk written for another list than the job's now (as when the list was deleted) is refused: nothing of it may remain.
    await expect(
      commitPreparedChunk(t.raw, { ...plan, listId: 999_999 }, 1, prepareForJob(plan, t.raw.dialect, { firstRowNumber: 2, rows: [["+33600000051"], ["+33600000052"]], malformed: [] })),
    ).rejects.toThrow();
    expect(await contact("+33600000051")).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await getImportReport(t.db, job.id, later)).toMatchObject({ status: "running", interrupted: true, rowsRead: 1, chunksDone: 1 });
  });
});
