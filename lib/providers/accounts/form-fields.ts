/**
 * Turns a vendor's zod schema into form fields (via zod 4's JSON Schema), and turns the form's raw values
 * back into typed values for that schema. The account form renders these fields; nothing here is secret.
 * Labels and descriptions come from the schema's `.meta({ title, description })`, else from FIELD_HELP.
 */
import { z } from "zod";
import { FIELD_HELP } from "./field-help";

interface BaseField {
  /** The key inside its parent object. */
  name: string;
  label: string;
  description?: string;
  required: boolean;
}

export type FormField = BaseField &
  (
    | { kind: "text"; default?: string; minLength?: number; maxLength?: number; pattern?: string; format?: string; allowEmpty: boolean }
    | { kind: "number"; default?: number; min?: number; max?: number; integer: boolean }
    | { kind: "boolean"; default?: boolean }
    | { kind: "select"; default?: string | number; choices: { value: string; label: string }[]; numeric: boolean }
    /** A list of strings, one per line. */
    | { kind: "list"; default?: string[] }
    | { kind: "group"; fields: FormField[] }
  );

type JsonNode = {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonNode[];
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
};

/** `parallelRequests` → `Parallel requests`, `retryAfterMs` → `Retry after (ms)`. */
export function humanize(name: string): string {
  const words = name
    .replace(/Ms$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return name.endsWith("Ms") ? `${label} (ms)` : label;
}

function fieldFrom(name: string, node: JsonNode, required: boolean, parent: string): FormField {
  const help = FIELD_HELP[parent ? `${parent}.${name}` : name] ?? FIELD_HELP[name];
  const base: BaseField = { name, label: node.title ?? help?.label ?? humanize(name), description: node.description ?? help?.description, required };
  const consts = node.anyOf?.every((n) => "const" in n) ? node.anyOf.map((n) => n.const) : undefined;
  const choices = node.enum ?? consts;
  if (choices) {
    const numeric = choices.every((c) => typeof c === "number");
    return {
      ...base,
      kind: "select",
      numeric,
      default: node.default as string | number | undefined,
      choices: choices.map((c) => ({ value: String(c), label: String(c) })),
    };
  }
  if (node.anyOf) {
    // e.g. a path or "" (bulksms creditCheckPath): a text field where empty is a value of its own
    const allowEmpty = node.anyOf.some((n) => n.const === "");
    const text = node.anyOf.find((n) => n.type === "string" && !("const" in n)) ?? {};
    return { ...base, kind: "text", default: node.default as string | undefined, pattern: text.pattern, allowEmpty };
  }
  switch (node.type) {
    case "boolean":
      return { ...base, kind: "boolean", default: node.default as boolean | undefined };
    case "integer":
    case "number":
      return { ...base, kind: "number", integer: node.type === "integer", default: node.default as number | undefined, min: node.minimum, max: node.maximum };
    case "array":
      return { ...base, kind: "list", default: node.default as string[] | undefined };
    case "object":
      return { ...base, kind: "group", fields: fieldsFromNode(node, parent ? `${parent}.${name}` : name) };
    default:
      return {
        ...base,
        kind: "text",
        default: typeof node.default === "string" ? node.default : undefined,
        minLength: node.minLength,
        maxLength: node.maxLength,
        pattern: node.pattern,
        format: node.format,
        allowEmpty: false,
      };
  }
}

function fieldsFromNode(node: JsonNode, parent = ""): FormField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) => fieldFrom(name, child, required.has(name), parent));
}

/** The form fields of an object schema (credentials or options), in declaration order. */
export function fieldsFromSchema(schema: z.ZodType): FormField[] {
  // "input": defaults are shown and fields with defaults are optional, which is what a form needs.
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonNode;
  return fieldsFromNode(json);
}

function coerceField(field: FormField, value: unknown): unknown {
  switch (field.kind) {
    case "text":
      if (typeof value !== "string") return undefined;
      return value === "" && !field.allowEmpty ? undefined : value;
    case "number":
      if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
      if (typeof value !== "string" || value.trim() === "") return undefined;
      // a non-numeric string is passed on as is, so the schema says what is wrong with it
      return Number.isNaN(Number(value)) ? value : Number(value);
    case "boolean":
      return value === true || value === "true" || value === "on";
    case "select":
      if (value === undefined || value === null || value === "") return undefined;
      return field.numeric ? Number(value) : String(value);
    case "list": {
      if (value === undefined || value === null) return undefined;
      const items = Array.isArray(value) ? value : typeof value === "string" ? value.split("\n") : [];
      return items.map((item) => String(item).trim()).filter((item) => item !== "");
    }
    case "group":
      return value && typeof value === "object" ? coerceValues(field.fields, value as Record<string, unknown>) : undefined;
  }
}

/** The form's raw values (strings, booleans, nested objects) as the schema's input; unknown keys are dropped. */
export function coerceValues(fields: FormField[], raw: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = coerceField(field, Object.hasOwn(raw, field.name) ? raw[field.name] : undefined);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/** Zod issues as form field errors keyed `<prefix>.<path>`; a missing value reads "Required." */
export function fieldErrorsFrom(error: z.ZodError, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    errors[key] ??= missing ? "Required." : issue.message;
  }
  return errors;
}
