/**
 * What a Masiv account stores: credentials (encrypted at rest by the app) and options, validated with zod.
 * Options cover the readings the document leaves open (README.md, "Ambiguities").
 */
import { z } from "zod";
import type { AccountSettings } from "../types";
import { isKnownTimeZone } from "../shared/wall-clock";

export const masivCredentialsSchema = z.object({
  username: z.string().min(1).max(50),
  password: z.string().min(1).max(50),
});

export const masivOptionsSchema = z.object({
  /**
   * Long messages (`longMessage=true`) are an account feature Masiv enables on request; without it the
   * gateway refuses texts over 160 characters (1160), so we refuse them before sending.
   */
  longMessages: z.boolean().default(false),
  /** Zone of `sendondate` (the document gives none; getMessage dates are UTC, so UTC by default). */
  scheduleTimeZone: z.string().refine(isKnownTimeZone, "unknown IANA time zone").default("UTC"),
  /**
   * Base URL of `Reporthandler.ashx` when it differs from the send base (the document's getMessage example
   * uses api.masiv.co while sending goes through the api.masivapp.com CDN).
   */
  reportBaseUrl: z.url().optional(),
  /** 8734 "General exception": `unknown` (the gateway may have queued it) or `rejected`. */
  platformErrorOutcome: z.enum(["unknown", "rejected"]).default("unknown"),
  /** Requests in flight at once when one `send` or `pollReports` call carries several messages. */
  concurrency: z.number().int().min(1).max(32).default(8),
});

export type MasivCredentials = z.infer<typeof masivCredentialsSchema>;
export type MasivOptions = z.infer<typeof masivOptionsSchema>;
export type MasivSettings = AccountSettings<MasivCredentials, MasivOptions>;

/** Masiv's text limit (originator and recipient rules live in `lib/sms`). */
export const MASIV_LIMITS = {
  /** `messagedata` without `longMessage`, and the size of each block with it. */
  singleMessageChars: 160,
} as const;

/** The send and report handler URLs for an account (no trailing slash in the base). */
export function masivEndpoints(settings: MasivSettings): { send: string; report: string } {
  const base = settings.baseUrl.replace(/\/+$/, "");
  const reportBase = (settings.options.reportBaseUrl ?? base).replace(/\/+$/, "");
  return { send: `${base}/sendhandler.ashx`, report: `${reportBase}/Reporthandler.ashx` };
}
