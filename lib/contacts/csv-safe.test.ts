import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { escapeCell, toCsvLine, unescapeCell } from "./csv-safe";

describe("formula-injection escaping", () => {
  it.each(["=SUM(A1:A2)", "+1+1", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")", "+33 6 12", "+33-612"])("neutralises %j", (cell) => {
    expect(escapeCell(cell)).toBe(`'${cell}`);
    expect(unescapeCell(escapeCell(cell))).toBe(cell);
  });

  it.each(["+33612345678", "+14155552671", "Alice", "", "0612345678", "a=b", "'quoted already"])("leaves %j alone", (cell) => {
    expect(escapeCell(cell)).toBe(cell);
    expect(unescapeCell(cell)).toBe(cell);
  });

  it("keeps an apostrophe that escaping did not add", () => {
    expect(unescapeCell("'Tis")).toBe("'Tis");
    expect(unescapeCell("'")).toBe("'");
  });

  it("writes lines a CSV parser reads back to the escaped cells", () => {
    const cells = ["=1+2", 'say "hi"', "multi\nline", "a,b", "+33612345678", null, 5];
    const line = toCsvLine(cells);
    const [parsed] = Papa.parse<string[]>(line).data;
    expect(parsed).toEqual(["'=1+2", 'say "hi"', "multi\nline", "a,b", "+33612345678", "", "5"]);
    expect(parsed.map(unescapeCell)[0]).toBe("=1+2");
  });
});
