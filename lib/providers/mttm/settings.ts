/**
 * What an admin enters for an MTTM account. MTTM runs the open-source Jasmin gateway, so the options
 * cover what Jasmin leaves to its users (which of its two APIs, which delivery-report level, how a
 * scheduled time is written) rather than anything MTTM-specific.
 */
import { z } from "zod";
import { isKnownTimeZone } from "../shared/wall-clock";
import type { AccountSettings } from "../types";

/** Jasmin cuts a long message after this many parts by default (`long_content_max_parts`). */
export const JASMIN_DEFAULT_MAX_PARTS = 5;

/** The two APIs MTTM publishes; the account's base URL must be the one its `transport` speaks. */
export const MTTM_BASE_URLS = [
  { label: "REST API (JSON, port 8081)", url: "https://sms.mttmwholesale.com:8081" },
  { label: "HTTP API (GET /send, port 1402)", url: "https://sms.mttmwholesale.com:1402" },
];

/**
 * The account's username and password. The document allows 30 characters; Jasmin's own code checks 16.
 * We accept the document's limit (it is what this deployment promises).
 */
export const mttmCredentialsSchema = z.object({
  username: z.string().trim().min(1, "Enter the MTTM username").max(30, "MTTM usernames have at most 30 characters"),
  password: z.string().min(1, "Enter the MTTM password").max(30, "MTTM passwords have at most 30 characters"),
});
export type MttmCredentials = z.infer<typeof mttmCredentialsSchema>;

export const mttmOptionsSchema = z.object({
  /**
   * `rest`: JSON `/secure/send` and `/secure/sendbatch` with Basic auth (batches, gateway scheduling).
   * `http`: `GET /send` with the credentials in the query, one message per request, no scheduling.
   */
  transport: z.enum(["rest", "http"]).default("rest"),
  /** Ask for delivery reports (`dlr-url`); off, the gateway is never told where to send them. */
  deliveryReports: z.boolean().default(true),
  /** 1: SMSC acknowledgement only; 2: handset receipt only; 3: both (two calls per message). */
  dlrLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(3),
  /**
   * Sent only when set: Jasmin answers 400 to users without the `http_set_dlr_method` authorization, and
   * defaults to POST anyway. Our report parser reads both methods.
   */
  dlrMethod: z.enum(["GET", "POST"]).optional(),
  /**
   * How `batch_config.schedule_at` is written. `seconds` (`"86400s"`, a delay) needs no clock agreement;
   * `datetime` (`"2019-12-31 23:59:00"`) is read in the gateway's local time (`timeZone`).
   */
  scheduleFormat: z.enum(["seconds", "datetime"]).default("seconds"),
  /** The gateway's local time zone: `schedule_at` datetimes and the `donedate` of delivery reports. */
  timeZone: z.string().trim().default("UTC").refine(isKnownTimeZone, "Unknown time zone"),
  /**
   * Longest message we hand over, in parts. Jasmin silently truncates past its `long_content_max_parts`
   * (5 unless the operator changed it), so longer messages are rejected here with a clear reason.
   */
  maxSegments: z.number().int().min(1).max(255).default(JASMIN_DEFAULT_MAX_PARTS),
  /** Backoff for retryable refusals: 403 `User throughput exceeded` (no Retry-After), 500 submit failure, 503. */
  retryAfterMs: z.number().int().min(0).max(600_000).default(1000),
});
export type MttmOptions = z.infer<typeof mttmOptionsSchema>;

/** An account's settings as the MTTM adapter receives them. */
export type MttmSettings = AccountSettings<MttmCredentials, MttmOptions>;
