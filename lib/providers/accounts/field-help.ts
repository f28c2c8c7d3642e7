/**
 * Labels and help for the vendors' credential and option fields, where their schemas carry no
 * `.meta({ title, description })` of their own (a schema's meta always wins). Keyed by field name, or by
 * `group.field` for fields inside an object option. Paraphrases the doc comments of each settings.ts.
 */
export const FIELD_HELP: Record<string, { label?: string; description?: string }> = {
  username: { label: "Username" },
  password: { label: "Password" },
  transport: {
    label: "Transport",
    description: "rest: JSON /secure/send and /secure/sendbatch (batches, gateway scheduling). http: GET /send, one message per request. The base URL must be the one this transport speaks.",
  },
  deliveryReports: { label: "Ask for delivery reports" },
  dlrLevel: { label: "Delivery report level", description: "1: SMSC acknowledgement only; 2: handset receipt only; 3: both." },
  dlrMethod: { label: "Delivery report method", description: "Leave unset unless the gateway allows choosing (it answers 400 otherwise)." },
  scheduleFormat: { label: "Schedule format", description: "seconds: a delay (needs no clock agreement); datetime: the gateway's local time." },
  timeZone: { label: "Gateway time zone", description: "IANA name, e.g. Europe/Amsterdam: scheduled times and report dates are read in it." },
  maxSegments: { label: "Most parts per message", description: "Longer messages are refused with a clear reason instead of being cut by the gateway." },
  retryAfterMs: { label: "Retry after (ms)", description: "Wait before retrying a refusal the vendor says to retry." },
  parallelRequests: { label: "Parallel requests", description: "Requests one send keeps in flight when it needs several." },
  campaignId: { label: "A2P campaign id", description: "The registered campaign (campaign_id); optional." },
  bulk: { label: "Bulk requests", description: "Send messages that share a text in one bulk request (up to 1000 destinations)." },
  inboundFields: { label: "Inbound push fields", description: "The variable names of the HTTP IN trunk's template (DIDWW's names by default)." },
  inboundBody: { label: "Inbound body format", description: "auto follows the content type; raw-* for a RAW template whose whole body is the text." },
  sendPath: { label: "Send path" },
  schedulePath: { label: "Schedule path" },
  scheduleParams: { label: "Scheduler parameter names" },
  gmtFormat: { label: "Scheduler offset format" },
  gatewayTimeZone: { label: "Gateway time zone", description: "IANA name: scheduled times are written, and report times read, in it." },
  creditCheckPath: { label: "Credit check path", description: "Used by Test connection; leave empty when the deployment has none." },
  optOutCodes: { label: "Opt-out error codes", description: "One per line: codes that opt the contact out (DND, opt-out)." },
  maxUrlLength: { label: "Longest request URL", description: "A longer batch is split into several requests." },
  longMessages: { label: "Long messages enabled", description: "Only when Masiv has enabled long messages on the account; otherwise texts over 160 characters are refused." },
  scheduleTimeZone: { label: "Schedule time zone", description: "IANA zone of sendondate." },
  reportBaseUrl: { label: "Report base URL", description: "Base URL of Reporthandler.ashx when it differs from the send base URL." },
  platformErrorOutcome: { label: "General exception (8734) means", description: "unknown: the gateway may have queued it (never re-sent); rejected: it did not." },
  concurrency: { label: "Parallel requests", description: "Requests in flight at once when one call carries several messages." },
};
