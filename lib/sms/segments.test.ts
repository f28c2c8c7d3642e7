import { describe, expect, it } from "vitest";
import { countSegments } from "./segments";

const a = (n: number) => "a".repeat(n);
const zh = (n: number) => "ж".repeat(n); // Cyrillic: one UCS-2 unit, not GSM

describe("countSegments: encoding", () => {
  it("counts the empty text as one GSM-7 part, like sms-segments-calculator", () => {
    expect(countSegments("")).toEqual({
      encoding: "GSM7",
      segments: 1,
      characters: 0,
      units: 0,
      perSegment: 160,
      remaining: 160,
    });
  });

  it("keeps the whole GSM 03.38 basic table in GSM-7 at one septet each", () => {
    const basic =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿" +
      "abcdefghijklmnopqrstuvwxyzäöñüà";
    expect(countSegments(basic)).toMatchObject({ encoding: "GSM7", characters: 127, units: 127, segments: 1 });
  });

  it("charges two septets for each extension character (^ { } \\ [ ~ ] | € and form feed)", () => {
    expect(countSegments("^{}\\[~]|€\f")).toMatchObject({ encoding: "GSM7", characters: 10, units: 20 });
    expect(countSegments("Price: 5€")).toMatchObject({ encoding: "GSM7", characters: 9, units: 10, remaining: 150 });
  });

  it.each([
    ["backtick", "`"],
    ["curly apostrophe", "It’s"],
    ["tab", "a\tb"],
    ["accented letter outside the table", "canción"],
    ["lower-case c cedilla (only Ç is GSM)", "ç"],
    ["Greek small letter", "α"],
    ["en dash", "9–5"],
    ["non-breaking space", "10\u00a0%"],
    ["left double quote", "\u201cSale\u201d"],
  ])("switches to UCS-2 for a %s", (_, text) => {
    expect(countSegments(text)).toMatchObject({ encoding: "UCS2", units: text.length, perSegment: 70 });
  });

  it("counts an emoji as one character and two UCS-2 units", () => {
    expect(countSegments("Hi 😀")).toEqual({
      encoding: "UCS2",
      segments: 1,
      characters: 4,
      units: 5,
      perSegment: 70,
      remaining: 65,
    });
  });

  it("counts mixed scripts in UCS-2, extension characters included at one unit", () => {
    const text = "Привет 你好 مرحبا €{}";
    expect(countSegments(text)).toMatchObject({ encoding: "UCS2", characters: text.length, units: text.length });
  });

  it("counts a lone surrogate as one unit", () => {
    expect(countSegments("a\ud83d")).toMatchObject({ encoding: "UCS2", characters: 2, units: 2 });
  });

  it("counts every code point of a combined emoji (ZWJ family, flag, skin tone)", () => {
    expect(countSegments("👨‍👩‍👧")).toMatchObject({ characters: 5, units: 8 });
    expect(countSegments("🇳🇱")).toMatchObject({ characters: 2, units: 4 });
    expect(countSegments("👍🏽")).toMatchObject({ characters: 2, units: 4 });
  });
});

describe("countSegments: GSM-7 boundaries", () => {
  it.each([
    [160, 1, 160, 0],
    [161, 2, 153, 145],
    [306, 2, 153, 0],
    [307, 3, 153, 152],
    [459, 3, 153, 0],
    [460, 4, 153, 152],
    [153 * 6, 6, 153, 0],
    [153 * 6 + 1, 7, 153, 152],
  ])("%i septets make %i part(s) of %i", (length, segments, perSegment, remaining) => {
    expect(countSegments(a(length))).toMatchObject({ encoding: "GSM7", segments, perSegment, remaining });
  });

  it("fits 80 euro signs (160 septets) in one part and moves whole escapes once concatenated", () => {
    expect(countSegments("€".repeat(80))).toMatchObject({ segments: 1, units: 160, remaining: 0 });
    // 76 € fill 152 septets; the 77th does not fit in the one septet left
    expect(countSegments("€".repeat(80) + "a")).toMatchObject({ segments: 2, units: 161, remaining: 153 - 9 });
  });

  it("never splits an escape straddling a part boundary, even when that costs a part", () => {
    // part 1: 152 × a (the € would need septets 153 and 154); part 2: € + 151 × a; part 3: a
    const text = a(152) + "€" + a(152);
    expect(countSegments(text)).toMatchObject({ units: 306, segments: 3, remaining: 152 });
    expect(countSegments(a(153) + "€" + a(151))).toMatchObject({ units: 306, segments: 2, remaining: 0 });
  });
});

describe("countSegments: UCS-2 boundaries", () => {
  it.each([
    [70, 1, 70, 0],
    [71, 2, 67, 63],
    [134, 2, 67, 0],
    [135, 3, 67, 66],
    [201, 3, 67, 0],
    [202, 4, 67, 66],
    [67 * 7, 7, 67, 0],
    [67 * 7 + 1, 8, 67, 66],
  ])("%i units make %i part(s) of %i", (length, segments, perSegment, remaining) => {
    expect(countSegments(zh(length))).toMatchObject({ encoding: "UCS2", segments, perSegment, remaining });
  });

  it("turns a long GSM-7 text into UCS-2 parts for one curly quote at its end", () => {
    expect(countSegments(a(150))).toMatchObject({ encoding: "GSM7", segments: 1 });
    expect(countSegments(a(150) + "’")).toMatchObject({ encoding: "UCS2", units: 151, segments: 3, remaining: 50 });
  });

  it("fits 35 emoji (70 units) in one part", () => {
    expect(countSegments("😀".repeat(35))).toMatchObject({ segments: 1, characters: 35, units: 70, remaining: 0 });
    expect(countSegments("😀".repeat(35) + "a")).toMatchObject({ segments: 2, units: 71 });
  });

  it("never splits a surrogate pair straddling a part boundary, even when that costs a part", () => {
    // part 1: 66 units (the emoji would need units 67 and 68); part 2: emoji + 65 units; part 3: 1 unit
    expect(countSegments(zh(66) + "😀" + zh(66))).toMatchObject({ units: 134, segments: 3, remaining: 66 });
    // same with a GSM-7 prefix: the text only turns UCS-2 at the emoji
    expect(countSegments(a(66) + "😀" + a(66))).toMatchObject({ units: 134, segments: 3, remaining: 66 });
    expect(countSegments(zh(67) + "😀" + zh(65))).toMatchObject({ units: 134, segments: 2, remaining: 0 });
  });

  it("keeps only the surrogate pairs of a combined emoji whole, not the whole cluster", () => {
    // NOTES.md's rule. sms-segments-calculator keeps a whole grapheme in one part and says 3 here.
    expect(countSegments(a(60) + "👨‍👩‍👧" + zh(60))).toMatchObject({ units: 128, segments: 2 });
  });
});

describe("countSegments: what the composer shows", () => {
  it("drops from 3 UCS-2 parts to 1 GSM-7 part once a pasted quote and dash are replaced", () => {
    const pasted = `Don’t miss it – ${a(130)}`;
    expect(countSegments(pasted)).toMatchObject({ encoding: "UCS2", segments: 3 });
    expect(countSegments("Don't miss it - " + a(130))).toMatchObject({ encoding: "GSM7", segments: 1, remaining: 14 });
  });

  it("counts a 154-character GSM-7 text plus the opt-out line as two parts", () => {
    expect(countSegments(a(138) + "\nReply STOP to opt out")).toMatchObject({ units: 160, segments: 1, remaining: 0 });
    expect(countSegments(a(139) + "\nReply STOP to opt out")).toMatchObject({ units: 161, segments: 2, perSegment: 153 });
  });
});
