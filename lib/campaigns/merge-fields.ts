/**
 * The one merge-field renderer (DESIGN.md, "Merge fields"): `{{field}}` or `{{field|fallback}}`, where a
 * field is a contact field or a custom field. An unknown field is an error when a text is saved or
 * launched, never a blank at send. Text outside the braces is copied as is (no HTML meaning).
 */
import { UserError } from "@/lib/errors";

/** Contact columns usable as merge fields, by merge-field name. */
export const CONTACT_FIELDS = ["first_name", "last_name", "phone", "country"] as const;

type Part = { text: string } | { field: string; fallback: string };

/** A text split once into literal parts and fields, then rendered many times. */
export interface CompiledTemplate {
  parts: Part[];
  fields: string[];
  /** True when the text has no merge field: every recipient gets the same text. */
  constant: boolean;
}

const FIELD = /\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|([^}]*))?\}\}/g;

export function compileTemplate(text: string): CompiledTemplate {
  const parts: Part[] = [];
  const fields = new Set<string>();
  let last = 0;
  for (const match of text.matchAll(FIELD)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const field = match[1].toLowerCase();
    fields.add(field);
    parts.push({ field, fallback: match[2]?.trim() ?? "" });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return { parts, fields: [...fields], constant: fields.size === 0 };
}

/** Throws a UserError naming every field that is neither a contact field nor a known custom field. */
export function assertKnownFields(text: string, customFieldKeys: Iterable<string>): CompiledTemplate {
  const compiled = compileTemplate(text);
  const known = new Set<string>([...CONTACT_FIELDS, ...[...customFieldKeys].map((k) => k.toLowerCase())]);
  const unknown = compiled.fields.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    const list = unknown.map((f) => `{{${f}}}`).join(", ");
    throw new UserError(`Unknown merge field${unknown.length > 1 ? "s" : ""}: ${list}.`, 400, { text: `Unknown merge field: ${list}` });
  }
  return compiled;
}

/** The values a contact offers to merge fields. */
export interface MergeContact {
  phone: string;
  firstName?: string | null;
  lastName?: string | null;
  country?: string | null;
  /** Custom field values by key. */
  fields?: Record<string, unknown> | null;
}

function valueOf(contact: MergeContact, field: string): string {
  switch (field) {
    case "first_name":
      return contact.firstName ?? "";
    case "last_name":
      return contact.lastName ?? "";
    case "phone":
      return contact.phone;
    case "country":
      return contact.country ?? "";
    default: {
      const value = contact.fields?.[field];
      return value === null || value === undefined ? "" : String(value);
    }
  }
}

export function renderTemplate(template: CompiledTemplate, contact: MergeContact): string {
  if (template.constant) return template.parts.map((p) => ("text" in p ? p.text : "")).join("");
  let out = "";
  for (const part of template.parts) {
    if ("text" in part) out += part.text;
    else out += valueOf(contact, part.field).trim() || part.fallback;
  }
  return out;
}
