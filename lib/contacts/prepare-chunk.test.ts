import { describe, expect, it } from "vitest";
import { type ChunkPlan, type ContactRow, joinPreparedParts, prepareChunk } from "./prepare-chunk";

const plan: ChunkPlan = { mapping: { phone: 0, firstName: 1, lastName: null, optOut: 2, fields: [] }, defaultCountry: "FR", rowFormat: "json" };

describe("prepareChunk", () => {
  it("writes contacts as JSON rows and counts opt-outs, repeats and rejects", () => {
    const chunk = prepareChunk([["06 12 34 56 78", "Zoé", "yes"], ["+33612345678", "Again", ""], ["", "", ""], ["12", "Short", ""]], 2, plan);
    expect(chunk).toMatchObject({ rowsRead: 3, contactCount: 1, optOuts: 1, duplicates: 1 });
    expect(chunk.rejected).toEqual([{ rowNumber: 5, raw: "12,Short,", reason: "Phone: Too short to be a phone number" }]);
    expect(JSON.parse(chunk.contacts[0]) as ContactRow[]).toEqual([["+33612345678", "Zoé", null, null, "FR", 1]]);
  });

  it("joins parts prepared with a shared set of numbers: a repeat across parts counts once", () => {
    const seen = new Set<string>();
    const first = prepareChunk([["+33600000001", "A", ""]], 1, plan, [], seen);
    const second = prepareChunk([["+33600000001", "B", ""], ["+33600000002", "C", ""]], 2, plan, [], seen);
    const joined = joinPreparedParts([first, second]);
    expect(joined).toMatchObject({ rowsRead: 3, contactCount: 2, duplicates: 1, optOuts: 0 });
    expect(joined.contacts.flatMap((part) => (JSON.parse(part) as ContactRow[]).map((row) => row[1]))).toEqual(["A", "C"]);
  });
});
