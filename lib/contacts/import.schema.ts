/** Schemas shared by the import wizard (browser) and the import routes and actions (server). */
import { z } from "zod";
import { isSupportedCountry } from "@/lib/sms/normalize-phone";
import { columnMappingSchema, fieldKeySchema } from "./import-mapping";

/** Rows per uploaded chunk: big enough to amortise a request, small enough to commit in well under a second. */
export const CHUNK_ROWS = 20_000;

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c), "Choose a country from the list.");

export const listChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("existing"), id: z.number().int().positive() }),
  z.object({ kind: z.literal("new"), name: z.string().trim().min(1, "Name the new list.").max(100) }),
]);

export const newFieldSchema = z.object({ key: fieldKeySchema, label: z.string().trim().min(1).max(80) });

export const startImportSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  hasHeader: z.boolean(),
  /** The header cells, kept for the rejected-rows download. */
  header: z.array(z.string().max(200)).max(1000).nullable().default(null),
  defaultCountry: countryCodeSchema.nullable().default(null),
  mapping: columnMappingSchema,
  newFields: z.array(newFieldSchema).max(50).default([]),
  list: listChoiceSchema.default({ kind: "none" }),
});
export type StartImportInput = z.input<typeof startImportSchema>;
export type StartImport = z.infer<typeof startImportSchema>;

export const importChunkSchema = z.object({
  chunkIndex: z.number().int().min(0),
  /** File row number of rows[0] (the header, if any, is row 1). */
  firstRowNumber: z.number().int().min(1),
  rows: z.array(z.array(z.string().max(10_000)).max(1000)).max(CHUNK_ROWS * 2),
  /** Indexes into rows that the CSV parser flagged as malformed. */
  malformed: z.array(z.number().int().min(0)).default([]),
});
export type ImportChunk = z.infer<typeof importChunkSchema>;

/** What the job stores in ImportJob.mapping. */
export const storedMappingSchema = z.object({
  hasHeader: z.boolean(),
  header: z.array(z.string()).nullable(),
  columns: columnMappingSchema,
  /**
   * The list chosen when the import started. ImportJob.listId turns null when that list is deleted; every
   * chunk is written for this one, so a chunk after the deletion is refused (checkGate) instead of going on
   * without the list. Absent in jobs stored before it was kept.
   */
  listId: z.number().int().nullable().optional(),
});
export type StoredMapping = z.infer<typeof storedMappingSchema>;
