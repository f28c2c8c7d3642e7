import { describe, expect, it } from "vitest";
import { parseXmlReply } from "./xml-reply";

describe("parseXmlReply", () => {
  it("reads elements into fast-xml-parser's shape, ids as strings, entities decoded", () => {
    const body = `\uFEFF<?xml version="1.0" encoding="utf-8" ?>
<!-- a comment -->
<response a="1">
  <id>-8174720676710228700</id>
  <text>Tom &amp; Jerry &lt;3 &#233;&#x1F44B; &unknown; <![CDATA[<raw> & text]]></text>
  <item>1</item><item>2</item>
  <empty/><blank></blank>
</response>`;
    expect(parseXmlReply(body)).toEqual({
      ok: true,
      value: {
        response: {
          id: "-8174720676710228700",
          text: "Tom & Jerry <3 é👋 &unknown; <raw> & text",
          item: ["1", "2"],
          empty: "",
          blank: "",
        },
      },
    });
  });

  it("returns array tags as arrays even when single", () => {
    expect(parseXmlReply("<r><a>1</a></r>", { arrayTags: ["a"] })).toEqual({ ok: true, value: { r: { a: ["1"] } } });
  });

  it("accepts several roots only when asked", () => {
    const body = "<input>sendMT</input><status>OK</status>";
    expect(parseXmlReply(body).ok).toBe(false);
    expect(parseXmlReply(body, { rootless: true })).toEqual({ ok: true, value: { input: "sendMT", status: "OK" } });
  });

  it.each([
    ["truncated inside a value", "<r><id>352"],
    ["truncated inside a tag", "<r><id>1</id><st"],
    ["unclosed element", "<r><id>1</id>"],
    ["mismatched close", "<r><id>1</r></id>"],
    ["text outside", "OK <r/>"],
    ["plain text", "Success"],
    ["empty", ""],
    ["DOCTYPE", '<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'],
    ["unterminated comment", "<r><!-- x </r>"],
    ["stray close", "</r>"],
  ])("refuses %s", (_name, body) => {
    expect(parseXmlReply(body).ok).toBe(false);
  });

  it("reads HTML that happens to be well-formed as elements (callers then find no expected root)", () => {
    expect(parseXmlReply("<html><body><h1>502</h1></body></html>")).toEqual({ ok: true, value: { html: { body: { h1: "502" } } } });
  });
});
