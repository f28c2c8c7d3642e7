import { describe, expect, it } from "vitest";
import { children, firstChild, parseXmlReply } from "./xml-reply";

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

  it("reads tag forms around the name the same way: self-closing, attributes, whitespace before >", () => {
    expect(parseXmlReply(`<r><a/><b x="1"/><c\t/><d >1</d ><e\u00a0y="2">3</e></r>`)).toEqual({
      ok: true,
      value: { r: { a: "", b: "", c: "", d: "1", e: "3" } },
    });
    expect(parseXmlReply(`<r a="<"/>`).ok).toBe(false);
    expect(parseXmlReply(`<r><st<atus>1</status></r>`).ok).toBe(false);
  });

  it("reads element names the same every time, whatever they share with names seen before", () => {
    const long = "n".repeat(41);
    // axb/ayb: same length and end characters; status/statuz: a closing tag one letter off
    const body = `<r><axb>1</axb><ayb>2</ayb><axb>3</axb><${long}>4</${long}><é\ud800>5</é\ud800><a>6</a><ab>7</ab></r>`;
    const expected = { r: { axb: ["1", "3"], ayb: "2", [long]: "4", "é\ud800": "5", a: "6", ab: "7" } };
    for (let i = 0; i < 3; i++) expect(parseXmlReply(body)).toEqual({ ok: true, value: expected });
    expect(parseXmlReply("<r><status>1</statuz></r>").ok).toBe(false);
    expect(parseXmlReply("<r><statuz>1</status></r>").ok).toBe(false);
  });
});

describe("firstChild", () => {
  it("is the first element that children() lists, without building the list", () => {
    const node = { one: { id: "1" }, many: ["text", { id: "2" }, { id: "3" }], leaf: "x", none: ["a", "b"], nested: [["x"], { id: "4" }] };
    for (const name of ["one", "many", "leaf", "none", "nested", "missing"]) expect(firstChild(node, name)).toBe(children(node, name)[0]);
    expect(firstChild(node, "many")).toEqual({ id: "2" });
    expect(firstChild(undefined, "one")).toBeUndefined();
    expect(firstChild(["x"], "0")).toBeUndefined();
  });
});
