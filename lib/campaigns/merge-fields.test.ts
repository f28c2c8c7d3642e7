import { describe, expect, it } from "vitest";
import { assertKnownFields, compileTemplate, renderTemplate } from "./merge-fields";

const ann = { phone: "+31612345678", firstName: "Ann", lastName: "Lee", country: "NL", fields: { city: "Utrecht", points: 12 } };

describe("merge fields", () => {
  it("renders contact and custom fields", () => {
    const t = compileTemplate("Hi {{first_name}} {{ last_name }} from {{city}}, you have {{points}} points ({{phone}})");
    expect(renderTemplate(t, ann)).toBe("Hi Ann Lee from Utrecht, you have 12 points (+31612345678)");
  });

  it("uses the fallback when the value is missing or blank", () => {
    const t = compileTemplate("Hi {{first_name|there}}, {{city|friend}}!");
    expect(renderTemplate(t, { phone: "+1", firstName: "  ", fields: {} })).toBe("Hi there, friend!");
    expect(renderTemplate(t, ann)).toBe("Hi Ann, Utrecht!");
  });

  it("renders a known field with no value and no fallback as empty", () => {
    expect(renderTemplate(compileTemplate("[{{last_name}}]"), { phone: "+1" })).toBe("[]");
  });

  it("leaves HTML-looking text and stray braces as text", () => {
    const t = compileTemplate("<b>{{first_name}}</b> & {single} {{ }} {{first_name");
    expect(renderTemplate(t, ann)).toBe("<b>Ann</b> & {single} {{ }} {{first_name");
  });

  it("refuses unknown fields at save or launch, naming each", () => {
    expect(() => assertKnownFields("Hi {{frist_name}} {{town}}", ["city"])).toThrow("Unknown merge fields: {{frist_name}}, {{town}}.");
    expect(assertKnownFields("Hi {{FIRST_NAME}} in {{City}}", ["city"]).fields).toEqual(["first_name", "city"]);
  });

  it("marks a text without fields as constant", () => {
    expect(compileTemplate("Sale today!").constant).toBe(true);
    expect(renderTemplate(compileTemplate("Sale today!"), ann)).toBe("Sale today!");
  });
});

describe("merge fields: composer cases", () => {
  it("keeps spaces and punctuation inside a fallback, trimming only its ends", () => {
    const t = compileTemplate("Dear {{first_name| valued customer, }}!");
    expect(renderTemplate(t, { phone: "+1" })).toBe("Dear valued customer,!");
  });

  it("matches custom fields whatever the case they are written in", () => {
    expect(renderTemplate(assertKnownFields("{{City}}/{{CITY|x}}", ["city"]), ann)).toBe("Utrecht/Utrecht");
  });

  it("renders a custom field that is a number or a boolean as text", () => {
    const t = compileTemplate("{{points}} {{vip}}");
    expect(renderTemplate(t, { phone: "+1", fields: { points: 0, vip: false } })).toBe("0 false");
  });
});
