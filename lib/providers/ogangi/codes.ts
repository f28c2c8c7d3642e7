/**
 * Every OGANGI reply status and message status we know, mapped once to our outcomes and states. Sources:
 * NOTES.md, the document's Response XML Basics (OK / BAD_SIGNATURE / ERROR) and Message's Status appendix,
 * and the carrier echoes Messangi passes through. Message statuses are open-ended strings: an unknown one
 * is kept raw and changes nothing.
 */
import type { ReportedState } from "../types";

/** The `<status>` of every reply: whether the call itself worked. */
export const OGANGI_REPLY_STATUSES = {
  OK: "Completed",
  BAD_SIGNATURE: "Invalid signature, access denied",
  ERROR: "Internal error, please report this to support@messangi.com",
} as const;

export interface OgangiMessageStatus {
  meaning: string;
  /**
   * Our state when a later poll reports it; `null` while the message is still on its way at Messangi
   * (a `raw` event, state unchanged). In the immediate reply to a send, `failed`, `undelivered` and
   * `expired` make the message `rejected` instead (NOTES.md, "Status normalisation").
   */
  state: ReportedState | null;
  /** The recipient blocked us or is on a block list: the contact is opted out too. */
  optOut?: boolean;
}

const sent = (meaning: string): OgangiMessageStatus => ({ meaning, state: "sent" });
const waiting = (meaning: string): OgangiMessageStatus => ({ meaning, state: null });
const failed = (meaning: string): OgangiMessageStatus => ({ meaning, state: "failed" });

/** Keyed by `normalizeStatus` (upper case, spaces as underscores: "BAD ADDRESS" = "BAD_ADDRESS"). */
export const OGANGI_MESSAGE_STATUSES: Record<string, OgangiMessageStatus> = {
  // on its way
  PENDING: waiting("No information about the message yet"),
  SENDING: waiting("The message is sending to the recipient"),
  QUEUE: waiting("Waiting in Messangi's queue"),
  DEQUEUED: waiting("Left the queue, being sent to the operator"),
  INCOMPLETE: waiting("Segmented message; some segment statuses are pending"),
  CARRIER_GATEWAY_ERROR: waiting("External entity not responding; delivery will usually be re-attempted"),
  // handed to the network
  SENT: sent("Message sent to carrier"),
  SENT_TO_CARRIER: sent("Sent to Carrier"),
  DELIVERED_TO_CARRIER: sent("Delivered to Carrier"),
  SENT_TO_DEVICE: sent("Message sent to device"),
  ACCEPTD: sent("Message accepted by the external entity"),
  ACCEPTED: sent("Message accepted by the external entity"),
  ENROUTE: sent("Sent to the mobile operator"),
  BUFFRED: sent("Message buffered by the external entity"),
  // delivered
  DELIVERED_TO_DEVICE: { meaning: "Message delivered to device", state: "delivered" },
  DELIVRD: { meaning: "Delivered to device by the external entity", state: "delivered" },
  READ: { meaning: "The recipient has read the message", state: "delivered" },
  // not delivered
  UNDELIVERED: { meaning: "Message not delivered to device", state: "undelivered" },
  UNDELIV: { meaning: "Message not delivered by the external entity", state: "undelivered" },
  UNREACHABLE: { meaning: "Unknown mobile number or device id", state: "undelivered" },
  DELETED: { meaning: "Message deleted by the external entity", state: "undelivered" },
  // refused or failed
  NOT_SENT: failed("The message could not be sent"),
  BAD_FROM: failed("Message not sent. Invalid 'from' parameter"),
  BAD_TO: failed("Message not sent. Invalid 'to' parameter"),
  BAD_ENCODING: failed("Message not sent. Invalid 'encoding' parameter"),
  "BAD_CARRIER/FROM": failed("Message not sent. Invalid 'carrier' or 'from' parameter"),
  BAD_TIMEZONE: failed("Message not sent. Invalid 'timezone'"),
  BAD_ADDRESS: failed("Invalid or incorrect destination address"),
  NOT_ENOUGH_FUNDS: failed("Message not sent. There are not enough funds"),
  REJECTD: failed("Message rejected by the external entity"),
  INVALID_ROUTING: failed("Invalid or incorrect routing"),
  INTERNAL_ERROR: failed("Internal error"),
  INVALID_TEMPLATE_ID: failed("Invalid template id"),
  INVALID_TEMPLATE_PARAMETERS: failed("Invalid template parameters"),
  INVALID_TEMPLATE_TYPE: failed("Invalid template type"),
  TEMPLATE_NOT_SUPPORTED: failed("Template not supported"),
  CODE_NOT_ALLOWED: failed("The sender is not activated or cannot message this recipient"),
  SEGMENTS_EXCEEDED: failed("The message has more segments than allowed"),
  EXHAUSTED: failed("Retry limit reached"),
  BLACKLISTED: { meaning: "The recipient's number is on a block list", state: "failed", optOut: true },
  EXPIRED: { meaning: "Maximum number of tries reached", state: "expired" },
};

/** The table's key for a raw status. */
export function normalizeStatus(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s_]+/g, "_");
}

/** The meaning of a raw message status, or undefined for one we do not know (kept raw). */
export function lookupMessageStatus(raw: string): OgangiMessageStatus | undefined {
  // Most statuses arrive already in the table's form: found without building a normalised copy.
  if (Object.hasOwn(OGANGI_MESSAGE_STATUSES, raw)) return OGANGI_MESSAGE_STATUSES[raw];
  return OGANGI_MESSAGE_STATUSES[normalizeStatus(raw)];
}
