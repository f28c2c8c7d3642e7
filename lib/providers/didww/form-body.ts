/**
 * Reads the named values of an inbound push's body in DIDWW's four formats (JSON, HTML URL encoded, HTML
 * multipart, RAW). Parsing is synchronous because webhook parsers are pure functions of the raw request.
 */
import type { InboundBodyMode } from "./settings";
import { NOT_JSON, parseJson } from "./wire";

/** The body's values by lower-cased name, or the body itself when the format has no names (RAW). */
export type BodyContent = { fields: Map<string, string> } | { raw: string } | { error: string };

/** Reads `body` as `mode` says; `auto` picks the format from the content type. */
export function readBody(body: string, contentType: string, mode: InboundBodyMode): BodyContent {
  const format = mode === "auto" ? formatOf(contentType) : mode;
  switch (format) {
    case "json":
      return readJson(body);
    case "urlencoded":
      return { fields: lowerKeys(new URLSearchParams(body)) };
    case "multipart":
      return readMultipart(body, contentType);
    case "raw-text":
    case "raw-base64":
      return { raw: body };
  }
}

function formatOf(contentType: string): Exclude<InboundBodyMode, "auto" | "raw-base64"> {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data") return "multipart";
  return "raw-text";
}

/** A JSON object's members; nested objects are reachable by dotted names (`sms.uuid`). */
function readJson(body: string): BodyContent {
  if (body.trim() === "") return { fields: new Map() };
  const json = parseJson(body);
  if (json === NOT_JSON || typeof json !== "object" || json === null || Array.isArray(json)) {
    return { error: "the JSON body is not an object" };
  }
  const fields = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      const name = (prefix + key).toLowerCase();
      if (typeof member === "string" || typeof member === "number") fields.set(name, String(member));
      else if (typeof member === "object" && member !== null && !Array.isArray(member)) walk(member, `${name}.`);
    }
  };
  walk(json, "");
  return { fields };
}

/** `multipart/form-data` text fields (RFC 7578); the boundary comes from the content type. */
function readMultipart(body: string, contentType: string): BodyContent {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return { error: "multipart body without a boundary in its content type" };
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const fields = new Map<string, string>();
  const parts = body.split(delimiter);
  for (const part of parts.slice(1)) {
    if (part.startsWith("--")) break; // the closing delimiter
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) return { error: "multipart part without a blank line after its headers" };
    const headers = part.slice(0, split.index);
    const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return { error: "multipart part without a field name" };
    fields.set(name.toLowerCase(), part.slice(split.index + split[0].length).replace(/\r?\n$/, ""));
  }
  if (parts.length < 2) return { error: "multipart body without its boundary" };
  return { fields };
}

/** Name → value with lower-cased names (the first value of a repeated name wins). */
export function lowerKeys(entries: Iterable<[string, string]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of entries) {
    const name = key.toLowerCase();
    if (!map.has(name)) map.set(name, value);
  }
  return map;
}
