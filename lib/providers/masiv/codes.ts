/**
 * Every code Masiv documents, mapped once to our outcomes and states (../shared/providers/masiv.md and
 * NOTES.md). The vendor's own code and text always travel beside our word for it.
 */
import type { ReportedState } from "../types";

/** What an `<action>error</action>` reply means for the message we tried to send. */
export type MasivErrorOutcome = "rejected" | "unknown";

export interface MasivErrorCode {
  /** The document's `errormessage` for this code. */
  message: string;
  /** `unknown` where the gateway itself cannot tell whether the message was queued. */
  outcome: MasivErrorOutcome;
  /** The whole account is misconfigured (every message will fail the same way until an admin acts). */
  accountProblem?: boolean;
}

/**
 * Error codes of sendmessage and getMessage replies. NOTES.md groups 1156–1159 as "insufficient credits"
 * (seen in the wild); the document gives each its own meaning, kept here. All four refuse the request.
 */
export const MASIV_ERROR_CODES: Record<string, MasivErrorCode> = {
  "1": { message: "Invalid recipient.", outcome: "rejected" },
  "1156": { message: "Default Package not associated with user", outcome: "rejected", accountProblem: true },
  "1157": { message: "Invalid username or password", outcome: "rejected", accountProblem: true },
  "1158": { message: "No action parameter specified in HTTP query.", outcome: "rejected", accountProblem: true },
  "1159": { message: "Insufficient credits", outcome: "rejected", accountProblem: true },
  "1160": { message: "Message is too long", outcome: "rejected" },
  "1164": { message: "Mandatory http parameter is missing", outcome: "rejected" },
  // getMessage only: the id is unknown to the gateway.
  "2000": { message: "Invalid ID", outcome: "rejected" },
  // "An unhandled exception has occurred": the gateway cannot say whether it queued the message first.
  // The account option `platformErrorOutcome` can turn this into `rejected`.
  "8734": { message: "General exception, please contact Estratec:", outcome: "unknown" },
};

/** The platform-error code whose outcome an account may override. */
export const MASIV_PLATFORM_ERROR = "8734";

/** The sendmessage `statuscode` of an accepted part. */
export const MASIV_ACCEPTED_STATUS = "0";

export interface MasivStatus {
  meaning: string;
  /** `null`: still waiting at the gateway; reported as a `raw` event, the message stays `submitted`. */
  state: ReportedState | null;
}

/** getMessage `<status>` values (dates UTC). */
export const MASIV_STATUSES: Record<string, MasivStatus> = {
  "0": { meaning: "Ready to send", state: null },
  "1": { meaning: "Sending", state: "sent" },
  "2": { meaning: "Delivered to network", state: "sent" },
  "3": { meaning: "Delivered to handset", state: "delivered" },
  "4": { meaning: "Delivery Error", state: "undelivered" },
  "5": { meaning: "General Error", state: "failed" },
  "6": { meaning: "Length Error", state: "failed" },
};

/** The error for `code`, or a generic refusal for a code the document does not list. */
export function describeMasivError(code: string, message: string | undefined): MasivErrorCode {
  return MASIV_ERROR_CODES[code] ?? { message: message || `error ${code}`, outcome: "rejected" };
}
