/**
 * The adapter contract every SMS gateway implements (../shared/DESIGN.md, "Adapter contract").
 *
 * Adapters are pure protocol translators: they know nothing of Prisma, campaigns or contacts. The delivery
 * engine (`lib/delivery`) hands them messages and settings, and stores, deduplicates and matches whatever
 * they return. Adapters are built fresh from stored settings for every call (no global state).
 */
import type { z } from "zod";

/** Our vendor identifiers, as stored in `ProviderAccount.vendor`. */
export type Vendor = "simulator" | "mttm" | "didww" | "bulksms" | "ogangi" | "masiv";

/** GSM 03.38 7-bit or UCS-2 (UTF-16). */
export type Encoding = "GSM7" | "UCS2";

/** The message lifecycle states of DESIGN.md; the same words in code, UI, API and exports. */
export type MessageState =
  | "queued"
  | "sending"
  | "submitted"
  | "sent"
  | "delivered"
  | "undelivered"
  | "failed"
  | "expired"
  | "rejected"
  | "unknown"
  | "skipped"
  | "canceled";

/** States a gateway report can move a message to (the others are ours alone). */
export type ReportedState = Extract<MessageState, "sent" | "delivered" | "undelivered" | "failed" | "expired">;

/** What an adapter can do; the engine and the composer read it instead of branching on the vendor. */
export interface Capabilities {
  /** Most destinations one `send` call may carry in a single gateway request (1 = no batching). */
  maxBatchSize: number;
  /** The vendor can hold messages until a time (`schedule_at`, `schedulemsg`, `sendondate`). */
  nativeSchedule: boolean;
  /** UCS-2 text is supported. */
  unicode: boolean;
  /** Most segments the vendor sends before truncating or refusing (MTTM/Jasmin truncates past 5). */
  maxSegments?: number;
  /** Delivery reports arrive pushed to our webhook, are fetched by polling, or both. */
  reports: { webhook: boolean; poll: boolean };
  /** Inbound messages arrive pushed to our webhook, are fetched by polling, or not at all. */
  inbound: { webhook: boolean; poll: boolean };
}

/** One message handed to `send`. Destination numbers are E.164 (`+` and digits); adapters reformat them. */
export interface OutgoingMessage {
  /** Our id for this attempt; adapters echo it back so outcomes can be matched without relying on order. */
  attemptId: string;
  /** E.164, e.g. `+31612345678`. */
  to: string;
  text: string;
  /** Precomputed by `lib/sms` so adapters choose coding without counting again. */
  encoding: Encoding;
  segments: number;
}

/** The account's settings as the adapter needs them; credentials are already decrypted. */
export interface AccountSettings<Credentials = Record<string, unknown>, Options = Record<string, unknown>> {
  baseUrl: string;
  credentials: Credentials;
  options: Options;
  /** Sender ID used when the campaign names none. */
  defaultSender?: string;
  /** Gateway request timeout; past it the outcome is `unknown` (the request may have been queued). */
  timeoutMs: number;
  /** Upper bound on destinations per request, never above `Capabilities.maxBatchSize`. */
  batchSize: number;
}

/** Webhook URLs the engine built for this account (`<APP_URL>/api/webhooks/<token>/<kind>`). */
export interface ReportUrls {
  /** Delivery reports (MTTM `dlr-url`, bulksms push, DIDWW callback). */
  deliveryReport: string;
  /** MTTM batch `callback_url` (per-recipient ids for accepted messages). */
  batchCallback: string;
  /** MTTM batch `errback_url` (per-recipient failures). */
  batchErrback: string;
  /** Inbound replies (DIDWW HTTP trunk). */
  inbound: string;
}

export interface SendRequest {
  messages: OutgoingMessage[];
  /** Sender ID for this campaign (falls back to `AccountSettings.defaultSender`). */
  sender?: string;
  /** When set, the gateway holds the messages until then (only where `nativeSchedule`). */
  scheduleAt?: Date;
  reportUrls: ReportUrls;
  /** Aborts the request (worker shutdown). An aborted request that may have left is `unknown`. */
  signal?: AbortSignal;
}

/**
 * The normalised result of handing one message to a gateway.
 * - `accepted`: the gateway queued it. `providerMessageId` may be missing when the id arrives later (MTTM
 *   batch callbacks); `state` is `sent` when the reply already says the message went on.
 * - `rejected`: the gateway refused this message; final, never retried.
 * - `retryable`: the gateway proved nothing was queued (e.g. MTTM 403 throughput, bulksms 1709); retry later.
 * - `unknown`: we cannot know whether it was queued (timeout, dropped connection, bulksms 1715); never
 *   re-sent automatically.
 * `code`/`reason` keep the vendor's raw code and text.
 */
export type SendOutcome =
  | { kind: "accepted"; attemptId: string; providerMessageId?: string; batchId?: string; state?: "sent"; raw?: string }
  | { kind: "rejected"; attemptId: string; code: string; reason: string; optOut?: boolean }
  | { kind: "retryable"; attemptId: string; code: string; reason: string; retryAfterMs: number }
  | { kind: "unknown"; attemptId: string; reason: string };

/** A raw inbound HTTP request as a route handler received it; parsers are pure functions of it. */
export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The body exactly as received (undecoded); parsers pick the format from the content type. */
  body: string;
}

/**
 * One thing a gateway told us about a message. Matching is by `providerMessageId` (or, for MTTM batch
 * callbacks, by `batchId` + destination), done by `lib/delivery`.
 */
export type ReportEvent =
  | {
      kind: "status";
      providerMessageId: string;
      state: ReportedState;
      /** The vendor's raw status and error code, stored beside our state. */
      rawStatus: string;
      errorCode?: string;
      errorText?: string;
      /** Cost reported by the gateway for this message (DIDWW price × fragments). */
      cost?: { amount: number; currency?: string };
      occurredAt?: Date;
      /** The gateway's signal that the recipient opted out or is on a do-not-disturb list. */
      optOut?: boolean;
    }
  | {
      /** An unrecognised vendor status for a known message: stored raw, state unchanged. */
      kind: "raw";
      providerMessageId: string;
      rawStatus: string;
      errorCode?: string;
    }
  | {
      /** MTTM batch callback/errback: the per-recipient id (or failure) of a batch we sent. */
      kind: "batch-result";
      batchId: string;
      /** E.164 destination. */
      to: string;
      accepted: boolean;
      providerMessageId?: string;
      errorText?: string;
      /** A refusal that proves nothing was queued (Jasmin's throughput or queue errors): send again later. */
      retryable?: boolean;
    };

/** A message a contact sent us. */
export interface InboundMessage {
  /** The vendor's id, used to deduplicate retried pushes (DIDWW `SMS_UUID`). */
  providerMessageId: string;
  /** E.164 sender. */
  from: string;
  /** Our number or short code the message was sent to. */
  to: string;
  text: string;
  receivedAt: Date;
}

/** The answer a webhook route must send so the vendor stops retrying (`ACK/Jasmin`, 200, 202…). */
export interface WebhookReply {
  status: number;
  body: string;
  contentType?: string;
}

export interface ParsedWebhook<T> {
  items: T[];
  reply: WebhookReply;
}

export interface ConnectionCheck {
  ok: boolean;
  /** What was checked and what could not be, in words an admin understands. */
  message: string;
}

/** The adapter for one vendor, built from an account's settings. Optional methods follow `capabilities`. */
export interface ProviderAdapter {
  readonly vendor: Vendor;
  readonly capabilities: Capabilities;
  /** Hands messages to the gateway; resolves with exactly one outcome per message and never throws. */
  send(request: SendRequest): Promise<SendOutcome[]>;
  /** Parses a pushed delivery report (or batch callback); `kind` is the last segment of the webhook URL. */
  parseReport?(kind: string, request: RawRequest): ParsedWebhook<ReportEvent>;
  /** Asks the gateway for the status of messages it accepted. */
  pollReports?(providerMessageIds: string[], signal?: AbortSignal): Promise<ReportEvent[]>;
  /** Parses a pushed inbound message. */
  parseInbound?(request: RawRequest): ParsedWebhook<InboundMessage>;
  /** Fetches inbound messages after `cursor`; returns the cursor to remember for the next call. */
  pollInbound?(cursor: string | undefined, signal?: AbortSignal): Promise<{ messages: InboundMessage[]; cursor?: string }>;
  /** A harmless call proving the settings work, or a validation saying what could not be checked. */
  testConnection(signal?: AbortSignal): Promise<ConnectionCheck>;
}

/** What each vendor folder exports: its schemas (credentials are declared as data) and a factory. */
export interface ProviderDefinition<C = unknown, O = unknown> {
  vendor: Vendor;
  label: string;
  /** Base URLs the vendor publishes (regions, test/production), offered in the account form. */
  baseUrls: { label: string; url: string }[];
  credentialsSchema: z.ZodType<C>;
  optionsSchema: z.ZodType<O>;
  capabilities: Capabilities;
  create(settings: AccountSettings<C, O>): ProviderAdapter;
}
