import { describe, expect, it } from "vitest";
import { countSegments } from "@/lib/sms/segments";
import { checkMessageLimits } from "./message-limits";
import { OPT_OUT_FOOTER, withOptOutFooter } from "./opt-out-footer";

const check = (text: string, limits: Parameters<typeof checkMessageLimits>[2]) => checkMessageLimits(text, countSegments(text), limits);

describe("message limits", () => {
  it("refuses more than 160 characters on a Masiv account without long messages", () => {
    const masiv = { vendorLabel: "Estratec Masiv", maxCharacters: 160 };
    expect(check("x".repeat(160), masiv)).toEqual({ errors: [], warnings: [] });
    expect(check("x".repeat(161), masiv).errors).toEqual([
      "Estratec Masiv sends at most 160 characters on this account (long messages are not enabled); this message has 161.",
    ]);
  });

  it("warns past MTTM's part limit without refusing", () => {
    const mttm = { vendorLabel: "MTTM", maxSegments: 5 };
    expect(check("x".repeat(153 * 5), mttm).warnings).toEqual([]);
    expect(check("x".repeat(153 * 5 + 1), mttm)).toEqual({
      errors: [],
      warnings: ["MTTM cuts messages after 5 parts on this account; this one has 6, so it will be refused rather than cut."],
    });
  });

  it("has nothing to say without an account", () => {
    expect(check("x".repeat(2000), undefined)).toEqual({ errors: [], warnings: [] });
  });
});

describe("opt-out footer", () => {
  it("adds the line under the text, without doubling trailing blank lines", () => {
    expect(withOptOutFooter("Sale today!\n\n", true)).toBe(`Sale today!\n${OPT_OUT_FOOTER}`);
    expect(withOptOutFooter("Sale today!", false)).toBe("Sale today!");
  });
});
