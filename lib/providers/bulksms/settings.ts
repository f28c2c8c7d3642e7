/**
 * What an admin enters for a bulksms account (Unified Communications, RouteSMS's HTTP API): the HTTP
 * account's username and password, and options for the readings the document leaves open (README.md).
 */
import { z } from "zod";
import type { AccountSettings, Capabilities } from "../types";
import { isKnownTimeZone } from "../shared/wall-clock";
import { DEFAULT_OPT_OUT_CODES } from "./codes";

/** The host the vendor publishes in its own API pages (the document itself writes `<server>:port`). */
export const BULKSMS_BASE_URLS = [{ label: "Unified Communications (smsapi.icosnet.com)", url: "https://smsapi.icosnet.com:8443" }];

/**
 * Most destinations one request carries. The document sets no limit; the real bound is the URL length
 * (`maxUrlLength`), so the adapter also splits a batch whose URL would grow past it.
 */
export const MAX_DESTINATIONS_PER_REQUEST = 500;

/** What the gateway offers: batches, its scheduler, Unicode, pushed delivery reports; no inbound API. */
export const BULKSMS_CAPABILITIES: Capabilities = {
  maxBatchSize: MAX_DESTINATIONS_PER_REQUEST,
  nativeSchedule: true,
  unicode: true,
  reports: { webhook: true, poll: false },
  inbound: { webhook: false, poll: false },
};

export const bulksmsCredentialsSchema = z.object({
  username: z.string().trim().min(1, "Enter the HTTP account's username"),
  password: z.string().min(1, "Enter the HTTP account's password"),
});
export type BulksmsCredentials = z.infer<typeof bulksmsCredentialsSchema>;

const path = z.string().trim().regex(/^\/[^?#\s]*$/, "a path starting with /, without query");
const parameterName = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "a parameter name");

/** The scheduler's parameter names: `date`/`time`/`gmt` in the document, `scheduledate`/`scheduletime` elsewhere. */
export const scheduleParamsSchema = z.object({
  date: parameterName.default("date"),
  time: parameterName.default("time"),
  gmt: parameterName.default("gmt"),
});

/** How the scheduler's offset is written: the document allows both `+05:30` and `GMT +5:30`. */
export const gmtFormats = ["+hh:mm", "GMT +h:mm"] as const;
export type GmtFormat = (typeof gmtFormats)[number];

export const bulksmsOptionsSchema = z.object({
  /** `dlr=1`: ask for delivery reports (pushed to the URL configured on the vendor's account). */
  deliveryReports: z.boolean().default(true),
  sendPath: path.default("/bulksms/bulksms"),
  /** The document's scheduler section names `/bulksms/schedulemsg`; its own examples use `/bulksms/bulksms`. */
  schedulePath: path.default("/bulksms/schedulemsg"),
  scheduleParams: scheduleParamsSchema.prefault({}),
  gmtFormat: z.enum(gmtFormats).default("+hh:mm"),
  /**
   * The zone of the gateway's clock: scheduled date/time are written in it (with its offset in `gmt`), and
   * delivery report times (`dtSubmit`, `dtDone`, no zone) are read in it.
   */
  gatewayTimeZone: z.string().refine(isKnownTimeZone, "unknown IANA time zone").default("UTC"),
  /** The vendor's Credit Check API, used by "test connection"; empty when a deployment has none. */
  creditCheckPath: z.union([path, z.literal("")]).default("/CreditCheck/checkcredits"),
  /** Submission and report error codes that opt the contact out (DND, opt-out). */
  optOutCodes: z.array(z.string().regex(/^\d+$/)).default([...DEFAULT_OPT_OUT_CODES]),
  /** Wait before retrying after 1709 "User validation failed", the one code the vendor says to retry. */
  retryAfterMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
  /**
   * Longest request URL we send. Credentials, text and destinations all travel in a GET query, and Java
   * servlet containers refuse request lines past 8 KB by default; a longer batch is split.
   */
  maxUrlLength: z.number().int().min(1_024).max(65_536).default(7_500),
  /** Requests one `send` call keeps in flight when it needs several (different texts, split batches). */
  parallelRequests: z.number().int().min(1).max(32).default(4),
});
export type BulksmsOptions = z.infer<typeof bulksmsOptionsSchema>;

/** An account's settings as the bulksms adapter receives them. */
export type BulksmsSettings = AccountSettings<BulksmsCredentials, BulksmsOptions>;
