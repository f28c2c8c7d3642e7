import { describe, expect, it } from "vitest";
import type { Vendor } from "@/lib/providers/types";
import { InvalidE164Error, toVendorNumber } from "./vendor-number";

describe("toVendorNumber", () => {
  it.each<[Vendor, string]>([
    ["mttm", "31612345678"],
    ["didww", "31612345678"],
    ["bulksms", "31612345678"],
    ["ogangi", "31612345678"],
    ["masiv", "31612345678"],
    ["simulator", "+31612345678"],
  ])("writes +31612345678 for %s as %s", (vendor, expected) => {
    expect(toVendorNumber(vendor, "+31612345678")).toBe(expected);
  });

  it("accepts the shortest and longest E.164 numbers", () => {
    expect(toVendorNumber("masiv", "+6834002")).toBe("6834002");
    expect(toVendorNumber("masiv", "+123456789012345")).toBe("123456789012345");
  });

  it.each([
    ["a national number", "0612345678"],
    ["digits without +", "31612345678"],
    ["an international prefix", "0031612345678"],
    ["spaces", "+31 6 12345678"],
    ["dashes", "+1-202-555-0143"],
    ["a country code starting with 0", "+0612345678"],
    ["more than 15 digits", "+1234567890123456"],
    ["fewer than 7 digits", "+123456"],
    ["a trailing newline", "+31612345678\n"],
    ["nothing", ""],
  ])("refuses %s with a clear error", (_, value) => {
    expect(() => toVendorNumber("didww", value)).toThrow(InvalidE164Error);
    expect(() => toVendorNumber("didww", value)).toThrow(`"${value}" is not an E.164 number`);
  });
});
