import { describe, expect, it } from "vitest";
import { serializeContactRows } from "./contact-rows";
import { findRepeats, NO_NUMBERS } from "./import-overlap";
import type { ContactRow } from "./prepare-chunk";

const row = (phone: string, optOut: 0 | 1 = 0): ContactRow => [phone, "Tab\there", null, { note: "a\\b" }, "FR", optOut];
const copy = (...rows: ContactRow[]) => serializeContactRows(rows, "pg-copy");

describe("findRepeats", () => {
  it("finds the rows whose number the chunk before had, with their opt-outs, and keys the rest for the next chunk", () => {
    const first = findRepeats([copy(row("+33600000002"), row("+447700900123"))], NO_NUMBERS);
    expect(first.phones).toEqual([]);
    const second = findRepeats([copy(row("+33600000001"), row("+33600000002", 1), row("+33600000003")), copy(row("+447700900123"))], first.kept);
    expect(second).toMatchObject({ phones: ["+33600000002", "+447700900123"], optOuts: 1 });
    // The keys are those of the second chunk only: a number two chunks back is the database's to find.
    const third = findRepeats([copy(row("+33600000001"), row("+33600000002"), row("+33600000004", 1))], second.kept);
    expect(third).toMatchObject({ phones: ["+33600000001"], optOuts: 0 });
  });

  it("tells numbers apart that only differ by leading zeros or length", () => {
    const earlier = findRepeats([copy(row("+1234"), row("+0123"))], NO_NUMBERS).kept;
    expect(findRepeats([copy(row("+123"), row("+01234"), row("+12340"), row("+0123"))], earlier).phones).toEqual(["+0123"]);
  });
});
