import { describe, expect, it } from "vitest";
import { findNonGsmCharacters, replaceWithGsmEquivalents } from "./gsm-equivalents";
import { countSegments } from "./segments";

const pasted = "It’s here… “Summer sale” – 20%\u00a0off — don’t miss it 😀";

describe("findNonGsmCharacters", () => {
  it("finds nothing in a GSM-7 text, extension characters included", () => {
    expect(findNonGsmCharacters("Hello {name}, 5€ off ^_^ [today]")).toEqual([]);
  });

  it("names each culprit once, in order of appearance, with its count and look-alike", () => {
    expect(findNonGsmCharacters(pasted)).toEqual([
      { char: "’", codePoint: "U+2019", name: "right single quote (curly apostrophe)", count: 2, replacement: "'" },
      { char: "…", codePoint: "U+2026", name: "ellipsis", count: 1, replacement: "..." },
      { char: "“", codePoint: "U+201C", name: "left double quote", count: 1, replacement: '"' },
      { char: "”", codePoint: "U+201D", name: "right double quote", count: 1, replacement: '"' },
      { char: "–", codePoint: "U+2013", name: "en dash", count: 1, replacement: "-" },
      { char: "\u00a0", codePoint: "U+00A0", name: "non-breaking space", count: 1, replacement: " " },
      { char: "—", codePoint: "U+2014", name: "em dash", count: 1, replacement: "-" },
      { char: "😀", codePoint: "U+1F600", count: 1 },
    ]);
  });

  it("tells invisible characters apart by name and code point", () => {
    expect(findNonGsmCharacters("a\u200bb\u00adc")).toMatchObject([
      { codePoint: "U+200B", name: "zero-width space (invisible)", replacement: "" },
      { codePoint: "U+00AD", name: "soft hyphen (invisible)", replacement: "" },
    ]);
  });

  it("lists the backtick, which is not GSM-7", () => {
    expect(findNonGsmCharacters("`code`")).toMatchObject([{ char: "`", count: 2, replacement: "'" }]);
  });
});

describe("replaceWithGsmEquivalents", () => {
  it("turns typical pasted typography into GSM-7", () => {
    const text = pasted.replace(" 😀", "");
    const replaced = replaceWithGsmEquivalents(text);
    expect(replaced).toBe(`It's here... "Summer sale" - 20% off - don't miss it`);
    expect(countSegments(replaced).encoding).toBe("GSM7");
  });

  it("keeps characters that have no look-alike, so the text may stay UCS-2", () => {
    expect(replaceWithGsmEquivalents("Don’t 😀")).toBe("Don't 😀");
    expect(countSegments("Don't 😀").encoding).toBe("UCS2");
  });

  it("strips accents GSM-7 lacks and keeps those it has", () => {
    expect(replaceWithGsmEquivalents("¡Canción única! Está bien, señor Müller. Ça coûte 5€")).toBe(
      "¡Cancion unica! Esta bien, señor Müller. Ça coute 5€",
    );
  });

  it("composes decomposed accents before replacing (é stays, á loses its accent)", () => {
    const decomposed = "Cafe\u0301 y ma\u0301s";
    expect(countSegments(decomposed).encoding).toBe("UCS2");
    expect(replaceWithGsmEquivalents(decomposed)).toBe("Café y mas");
  });

  it("drops a combining accent that has no letter to merge into", () => {
    expect(replaceWithGsmEquivalents("x\u0301")).toBe("x");
  });

  it("leaves a GSM-7 text unchanged", () => {
    const gsm = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€\f";
    expect(replaceWithGsmEquivalents(gsm)).toBe(gsm);
  });

  it("only ever puts GSM-7 text in place of a character", () => {
    const everyKnown = findNonGsmCharacters(
      "‘’‚‛′´`‹›“”„‟″«»‐‑‒–—―−•…\u00a0\u2002\u2003\u2009\u202f\u3000\t\u2028\u2029\u200b\u00ad\u2060\ufeff" +
        "™©®×÷½¼¾ºªáâãÁÀÂÃçêëÈÊíîïÍÌóôõÓÒÔÕúûÚÙœŒ",
    );
    expect(everyKnown.every((found) => found.replacement !== undefined)).toBe(true);
    const replaced = everyKnown.map((found) => found.replacement).join("");
    expect(findNonGsmCharacters(replaced)).toEqual([]);
  });
});
