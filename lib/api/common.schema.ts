/** Schemas several endpoints share: ids in paths, timestamps, phone numbers. */
import { z } from "zod";

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** Timestamps are ISO 8601 strings in UTC. */
export const timestamp = z.iso.datetime();
export const nullableTimestamp = timestamp.nullable();

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export const phoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .describe("A phone number, preferably E.164 (`+31612345678`); local formats need `defaultCountry`.");

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 country code such as NL.")
  .describe("Country (ISO 3166-1 alpha-2) for numbers written without an international prefix.");
