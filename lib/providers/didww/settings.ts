/**
 * What an admin enters for a DIDWW account: the Outbound SMS trunk's credentials, and the options that
 * cover what DIDWW leaves to its customers (the A2P campaign, how inbound pushes are templated).
 */
import { z } from "zod";
import type { AccountSettings } from "../types";

/** Most destinations DIDWW takes in one `bulk_outbound_messages` request (document: "maximum of 1000"). */
export const MAX_BULK_DESTINATIONS = 1000;

/** The regions DIDWW publishes; each serves both `/outbound_messages` and `/bulk_outbound_messages`. */
export const DIDWW_BASE_URLS = [
  { label: "Main (sms-out.didww.com)", url: "https://sms-out.didww.com" },
  { label: "United States (us)", url: "https://us.sms-out.didww.com" },
  { label: "United States – nyc", url: "https://nyc.us.sms-out.didww.com" },
  { label: "United States – mia", url: "https://mia.us.sms-out.didww.com" },
  { label: "United States – lac", url: "https://lac.us.sms-out.didww.com" },
  { label: "Europe (eu)", url: "https://eu.sms-out.didww.com" },
  { label: "Singapore (sg)", url: "https://sg.sms-out.didww.com" },
];

/** The Outbound SMS trunk's username and password (HTTP Basic). */
export const didwwCredentialsSchema = z.object({
  username: z.string().trim().min(1, "Enter the Outbound SMS trunk's username"),
  password: z.string().min(1, "Enter the Outbound SMS trunk's password"),
});
export type DidwwCredentials = z.infer<typeof didwwCredentialsSchema>;

/**
 * Where each value of an inbound push is found. DIDWW sends whatever template the customer wrote in the
 * SMS to HTTP IN trunk, so the names are the customer's; the defaults are DIDWW's variable names.
 * A name is looked up case-insensitively in the body, then the query string, then the headers.
 */
export const inboundFieldsSchema = z.object({
  uuid: z.string().trim().min(1).default("SMS_UUID"),
  from: z.string().trim().min(1).default("SMS_SRC_ADDR"),
  to: z.string().trim().min(1).default("SMS_DST_ADDR"),
  text: z.string().trim().min(1).default("SMS_TEXT"),
  textBase64: z.string().trim().min(1).default("SMS_TEXT_BASE64_ENCODED"),
  time: z.string().trim().min(1).default("SMS_TIME"),
});
export type InboundFields = z.infer<typeof inboundFieldsSchema>;

/**
 * How an inbound push's body is read. `auto` follows the content type (JSON, urlencoded, multipart; any
 * other body is the message text). The `raw-*` modes are for a RAW template whose whole body is
 * `{SMS_TEXT}` or `{SMS_TEXT_BASE64_ENCODED}`, with the other variables in the query string or headers.
 */
export const inboundBodyModes = ["auto", "json", "urlencoded", "multipart", "raw-text", "raw-base64"] as const;
export type InboundBodyMode = (typeof inboundBodyModes)[number];

/** Non-secret account options; every one has a default, so `{}` is a valid account. */
export const didwwOptionsSchema = z.object({
  /** The registered A2P campaign (`campaign_id`); with no sender, DIDWW picks one of its sender IDs. */
  campaignId: z.string().trim().min(1).optional(),
  /**
   * Send messages that share a text through `bulk_outbound_messages` (one request per ≤ 1000 destinations).
   * Off: one `outbound_messages` request per message, for deployments whose bulk ids must not be matched
   * to destinations by position (see README).
   */
  bulk: z.boolean().default(true),
  /** Requests one `send` call keeps in flight when it needs several (distinct texts, or bulk off). */
  parallelRequests: z.number().int().min(1).max(32).default(4),
  inboundFields: inboundFieldsSchema.prefault({}),
  inboundBody: z.enum(inboundBodyModes).default("auto"),
});
export type DidwwOptions = z.infer<typeof didwwOptionsSchema>;

/** An account's settings as the DIDWW adapter receives them. */
export type DidwwSettings = AccountSettings<DidwwCredentials, DidwwOptions>;
