/**
 * The column mapping chosen in the import wizard, shared by the wizard's form and the server (one schema,
 * two users), plus the guess the wizard starts from.
 */
import { z } from "zod";
import { looksLikePhone } from "./csv-dialect";

/** Names a custom field may not take: they are the contact's own merge fields. */
export const RESERVED_FIELD_KEYS = ["phone", "firstName", "lastName", "country", "timezone", "id", "optedOut", "name"];

export const fieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "Use letters, digits and _ (starting with a letter), at most 40.")
  .refine((key) => !RESERVED_FIELD_KEYS.includes(key), "This name is taken by a built-in contact field.");

const column = z.number().int().min(0).max(999);

export const columnMappingSchema = z
  .object({
    phone: column,
    firstName: column.nullable().default(null),
    lastName: column.nullable().default(null),
    optOut: column.nullable().default(null),
    /** Custom fields: which column fills which field (existing or created with the import). */
    fields: z.array(z.object({ column, key: fieldKeySchema })).max(50).default([]),
  })
  .superRefine((mapping, ctx) => {
    const used = [mapping.phone, mapping.firstName, mapping.lastName, mapping.optOut, ...mapping.fields.map((f) => f.column)].filter(
      (c): c is number => c !== null,
    );
    if (new Set(used).size !== used.length) ctx.addIssue({ code: "custom", message: "Each column can be mapped once.", path: ["fields"] });
    const keys = mapping.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", message: "Each custom field can be filled from one column.", path: ["fields"] });
  });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const HEADER_GUESSES: [keyof Omit<ColumnMapping, "fields">, RegExp][] = [
  ["phone", /^(phone|phone ?number|mobile|mobile ?number|cell|cellphone|tel|telephone|msisdn|number|t[ée]l[ée]phone|portable|handy|celular|m[óo]vil)$/i],
  ["firstName", /^(first ?name|given ?name|forename|first|pr[ée]nom|vorname|nombre)$/i],
  ["lastName", /^(last ?name|surname|family ?name|last|nom|nachname|apellidos?)$/i],
  ["optOut", /^(opt[ -_]?out|opted[ -_]?out|unsubscribed|stop|do ?not ?contact)$/i],
];

/** A custom-field key made from a header cell, e.g. "Loyalty tier" → "loyaltyTier". */
export function fieldKeyFromHeader(header: string): string {
  const words = header
    .normalize("NFKD")
    .replace(/[^\w\s]/g, " ")
    .replace(/_/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("");
  const safe = /^[a-zA-Z]/.test(key) ? key : `field${key}`;
  return safe.slice(0, 40);
}

/** The wizard's first guess: known header names, else the column that holds phone-like cells. */
export function guessMapping(header: string[] | null, rows: string[][]): Partial<ColumnMapping> & { fields: { column: number; key: string }[] } {
  const guess: Partial<ColumnMapping> & { fields: { column: number; key: string }[] } = { fields: [] };
  if (header) {
    header.forEach((name, column) => {
      const hit = HEADER_GUESSES.find(([, pattern]) => pattern.test(name.trim()));
      if (hit && guess[hit[0]] === undefined) guess[hit[0]] = column;
    });
  }
  if (guess.phone === undefined) {
    const width = Math.max(0, ...rows.map((r) => r.length));
    let bestScore = 0;
    for (let column = 0; column < width; column++) {
      const score = rows.filter((row) => looksLikePhone(row[column] ?? "")).length;
      if (score > bestScore) {
        bestScore = score;
        guess.phone = column;
      }
    }
  }
  return guess;
}
