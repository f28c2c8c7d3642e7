/**
 * Reads a gateway's XML reply defensively. A reply is believed only when it is complete, well-formed XML:
 * fast-xml-parser alone happily turns a truncated `<messageid>3524` into a value, and a reply cut short must
 * never become a wrong id or a false acceptance. Entity declarations are refused outright (no expansion
 * attacks from a hostile gateway). Values stay strings: ids are often larger than 2^53.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type XmlReply = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

const parsers = new Map<string, XMLParser>();

function parserFor(arrayTags: readonly string[]): XMLParser {
  const key = arrayTags.join(",");
  let parser = parsers.get(key);
  if (!parser) {
    const arrays = new Set(arrayTags);
    parser = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: true,
      htmlEntities: false,
      isArray: (name) => arrays.has(name),
    });
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * Parses `body`. `rootless` accepts several top-level elements (OGANGI's replies are a sequence of
 * elements with no root). `arrayTags` are always returned as arrays, even when there is one.
 */
export function parseXmlReply(body: string, options: { arrayTags?: readonly string[]; rootless?: boolean } = {}): XmlReply {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (!text.startsWith("<")) return { ok: false, reason: `not XML: ${preview(text)}` };
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: "XML with a DOCTYPE or entity declaration refused" };
  const checked = options.rootless ? `<reply>${text.replace(/^<\?xml[^>]*\?>/, "")}</reply>` : text;
  const validation = XMLValidator.validate(checked);
  if (validation !== true) return { ok: false, reason: `malformed XML (${validation.err.msg}): ${preview(text)}` };
  const value = parserFor(options.arrayTags ?? []).parse(text) as Record<string, unknown>;
  delete value["?xml"];
  return { ok: true, value };
}

/** The first characters of a reply, for error messages that must stay short. */
export function preview(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || "(empty)";
}

/** A child element as an object, or undefined when it is missing or not an element. */
export function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[name];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A child element's text, or undefined when it is missing or holds elements instead of text. */
export function text(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[name];
  if (typeof value === "string") return value;
  return undefined;
}

/** A child element that may repeat, always as a list of objects (missing → empty). */
export function children(node: unknown, name: string): Record<string, unknown>[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [];
  const value = (node as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is Record<string, unknown> => !!item && typeof item === "object" && !Array.isArray(item));
}
