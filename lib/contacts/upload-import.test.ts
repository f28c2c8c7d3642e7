/**
 * The browser's upload loop against the import's server functions on a real database. The network is the
 * only thing replaced: `transport` answers each request as the /api/imports routes do (same functions,
 * same JSON), and holds some chunks back so that the next one overtakes them.
 */
import { describe, expect, it } from "vitest";
import { publicError, UserError } from "@/lib/errors";
import { testDatabases, useTestDatabase } from "@/lib/testing/test-databases";
import { cancelImport, finishImport, getImportReport, processImportChunk, startImport } from "./import-job";
import { CHUNK_ROWS, importChunkSchema, startImportSchema } from "./import.schema";
import { type Transport, uploadImport } from "./upload-import";

const CHUNKS = 4;
const csv = new File([["phone,first", ...Array.from({ length: CHUNKS * CHUNK_ROWS }, (_, i) => `+3361${String(i).padStart(7, "0")},N${i}`)].join("\n")], "big.csv");
const start = { fileName: "big.csv", hasHeader: true, header: ["phone", "first"], defaultCountry: "FR", mapping: { phone: 0, firstName: 1, lastName: null, optOut: null, fields: [] }, list: { kind: "none" as const } };
const read = { encoding: "utf-8" as const, delimiter: "," as const, hasHeader: true };

describe.each(testDatabases())("uploading an import two chunks at a time on $name", (target) => {
  const t = useTestDatabase(target, "upload");

  /**
   * The routes' answers. Chunks listed in `holdBack` reach the server 300 ms late; the `fail` chunk is
   * refused; the `hang` chunk gets no answer until `release()`, then is refused too.
   */
  function server(options: { holdBack?: number[]; fail?: number; hang?: number } = {}) {
    const arrivals: number[] = [];
    const pending: Promise<unknown>[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const transport: Transport = async (url, init) => {
      const body = JSON.parse(String(init.body));
      const answer = async () => {
        if (url === "/api/imports") return startImport(t.db, null, startImportSchema.parse(body));
        const id = Number(url.split("/")[3]);
        if (url.endsWith("/chunks")) {
          const chunk = importChunkSchema.parse(body);
          if (options.holdBack?.includes(chunk.chunkIndex)) await new Promise((resolve) => setTimeout(resolve, 300));
          arrivals.push(chunk.chunkIndex);
          if (chunk.chunkIndex === options.hang) await released;
          if (chunk.chunkIndex === options.fail || chunk.chunkIndex === options.hang) throw new UserError("This chunk is refused.", 400);
          return processImportChunk(t.db, t.raw, id, chunk);
        }
        await (body.action === "finish" ? finishImport : cancelImport)(t.db, id, null);
        return getImportReport(t.db, id);
      };
      const answered = answer();
      pending.push(answered.catch(() => {}));
      try {
        return Response.json(await answered);
      } catch (error) {
        const { message, status } = publicError(error);
        return Response.json({ error: message }, { status });
      }
    };
    return { transport, arrivals, release, settled: () => Promise.all(pending) };
  }

  it("applies chunks in file order when one overtakes the other, and imports every row", async () => {
    const { transport, arrivals } = server({ holdBack: [0, 2] });
    const progress: number[] = [];
    const report = await uploadImport(csv, start, read, { onProgress: (p) => progress.push(p.rowsSent), shouldStop: () => false }, transport);
    expect(arrivals.slice(0, 2)).toEqual([1, 0]); // chunk 1 reached the server first and waited its turn
    expect(report).toMatchObject({ status: "completed", rowsRead: CHUNKS * CHUNK_ROWS, created: CHUNKS * CHUNK_ROWS, chunksDone: CHUNKS });
    expect(progress.at(-1)).toBe(CHUNKS * CHUNK_ROWS);
    expect(await t.db.contact.count({ where: { phone: { startsWith: "+3361" } } })).toBe(CHUNKS * CHUNK_ROWS);
  }, 60_000);

  it("on cancel, lets the chunks already sent finish and keeps exactly those", async () => {
    const { transport } = server({ holdBack: [0] });
    let progressCalls = 0;
    const report = await uploadImport(csv, { ...start, fileName: "cancel.csv" }, read, { onProgress: () => progressCalls++, shouldStop: () => progressCalls >= 1 }, transport);
    expect(report.status).toBe("canceled");
    expect(report.chunksDone).toBeGreaterThanOrEqual(2); // the chunk that overtook was applied too, not lost
    expect(report.chunksDone).toBeLessThan(CHUNKS);
    expect(report.rowsRead).toBe(report.chunksDone * CHUNK_ROWS);
  }, 60_000);

  it("reports a refused chunk at once, without waiting for the chunk behind it", async () => {
    const { transport, release, settled } = server({ fail: 1, hang: 2 });
    const upload = uploadImport(csv, { ...start, fileName: "refused.csv" }, read, { onProgress: () => {}, shouldStop: () => false }, transport);
    await expect(upload).rejects.toThrow("This chunk is refused."); // while chunk 2 still has no answer
    release();
    await settled();
  }, 60_000);
});
