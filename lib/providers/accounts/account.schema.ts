/**
 * Schemas shared by the provider account forms and the server actions behind them (STYLE.md 2). They
 * check what every account has; the vendor's own credential and option schemas are applied on the server
 * (validate-account.ts), because the form is built from them at run time.
 */
import { z } from "zod";
import type { Vendor } from "../types";

export const VENDORS = ["simulator", "mttm", "didww", "bulksms", "ogangi", "masiv"] as const satisfies readonly Vendor[];

const wholeNumber = (what: string) => z.number({ error: `Enter ${what} as a whole number.` }).int(`Enter ${what} as a whole number.`);

export const accountFormSchema = z.object({
  /** Present when editing; absent when creating. */
  id: z.number().int().positive().optional(),
  vendor: z.enum(VENDORS, { error: "Choose a gateway." }),
  name: z.string().trim().min(1, "Give the account a name.").max(100, "Use at most 100 characters."),
  baseUrl: z.string().trim().min(1, "Choose or enter the gateway's base URL.").max(500, "Use at most 500 characters."),
  defaultSender: z.string().trim().max(20, "Sender IDs have at most 20 characters.").default(""),
  rateLimitPerSecond: wholeNumber("the rate limit").min(1, "At least 1 message per second.").max(10_000, "At most 10,000 messages per second."),
  batchSize: wholeNumber("the batch size").min(1, "At least 1."),
  timeoutMs: wholeNumber("the timeout").min(1_000, "At least 1,000 ms.").max(300_000, "At most 300,000 ms (5 minutes)."),
  pricePerSegment: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,6})?$/, "Enter a price such as 0.045 (up to 6 decimals)."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD."),
  /** Field → typed value; an empty value means "unchanged" when editing. Never sent back to the browser. */
  credentials: z.record(z.string(), z.string().max(1_000, "Use at most 1,000 characters.")).default({}),
  /** Raw form values of the vendor's options; coerced and validated with the vendor's schema on the server. */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type AccountFormInput = z.input<typeof accountFormSchema>;
export type AccountFormValues = z.output<typeof accountFormSchema>;

const accountId = z.number().int().positive();

export const accountIdSchema = z.object({ accountId });

export const setEnabledSchema = z.object({ accountId, enabled: z.boolean() });

export const simulateReplySchema = z.object({
  accountId,
  from: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, "Enter the number in international format, e.g. +31612345678."),
  text: z.string().trim().min(1, "Type the reply's text.").max(640, "Use at most 640 characters."),
});
