/**
 * Every code and status the bulksms gateway (RouteSMS's HTTP API, as run by Unified Communications) can send
 * us, mapped once to our vocabulary. The vendor's raw code and text always travel beside our outcome.
 *
 * Sources: the vendor document (bulksms-unified.md, "1.4 Response"), NOTES.md (codes seen in the wild,
 * retry rules, DLR statuses) and the vendor's DLR Push API specification.
 */
import type { ReportedState } from "../types";

/** What a submission code means for the message it was returned for. */
export type SubmissionOutcome = "accepted" | "rejected" | "retryable" | "unknown";

export interface SubmissionCode {
  outcome: SubmissionOutcome;
  /** The vendor's wording, kept as the outcome's reason. */
  text: string;
  /** The contact asked not to be messaged (or is on a do-not-disturb list): opt them out here too. */
  optOut?: boolean;
}

/** The code the gateway answers with when it queued the message. */
export const ACCEPTED_CODE = "1701";

/**
 * Submission codes. The vendor: "apart from error code 1709, please do NOT retry"; "for error code 1715, do
 * NOT re-submit" (a response timeout inside the gateway: the message may have gone, hence `unknown`).
 */
export const SUBMISSION_CODES: Readonly<Record<string, SubmissionCode>> = {
  "1701": { outcome: "accepted", text: "Message submitted successfully" },
  "1702": { outcome: "rejected", text: "Invalid URL: a parameter was missing or blank" },
  "1703": { outcome: "rejected", text: "Invalid value in username or password" },
  "1704": { outcome: "rejected", text: "Invalid value in type" },
  "1705": { outcome: "rejected", text: "Invalid message" },
  "1706": { outcome: "rejected", text: "Invalid destination" },
  "1707": { outcome: "rejected", text: "Invalid source (sender)" },
  "1708": { outcome: "rejected", text: "Invalid value for dlr" },
  "1709": { outcome: "retryable", text: "User validation failed" },
  "1710": { outcome: "rejected", text: "Internal error" },
  "1715": { outcome: "unknown", text: "Response timeout (the message may have been sent; never re-submit it)" },
  "1725": { outcome: "rejected", text: "Insufficient credit" },
  "1732": { outcome: "rejected", text: "DND reject" },
  "1028": { outcome: "rejected", text: "Spam message" },
  "1033": { outcome: "rejected", text: "Message template mismatch" },
  "1041": { outcome: "rejected", text: "Duplicate message" },
  "1042": { outcome: "rejected", text: "Explicit DND destination", optOut: true },
  "69": { outcome: "rejected", text: "Internal error" },
  "8": { outcome: "rejected", text: "Internal error" },
  "16": { outcome: "rejected", text: "IP blacklisted" },
  "18": { outcome: "rejected", text: "Non-whitelisted user IP" },
  // Not in the vendor document; seen from RouteSMS deployments (NOTES.md).
  "1025": { outcome: "rejected", text: "Insufficient credit" },
  "1032": { outcome: "rejected", text: "DND destination", optOut: true },
  "1035": { outcome: "rejected", text: "Destination opted out", optOut: true },
};

/** Codes that opt the contact out unless the account overrides the list (`optOutCodes`). */
export const DEFAULT_OPT_OUT_CODES: readonly string[] = Object.entries(SUBMISSION_CODES)
  .filter(([, meaning]) => meaning.optOut)
  .map(([code]) => code);

/**
 * The meaning of any code, documented or not. The vendor warns that "standard SMPP v3.4 error codes may also
 * be returned" and must not be retried: an unlisted code is a refusal.
 */
export function submissionCode(code: string): SubmissionCode {
  return (
    SUBMISSION_CODES[code] ?? {
      outcome: "rejected",
      text: `Code ${code}, not in the vendor's table (possibly an SMPP v3.4 error)`,
    }
  );
}

/**
 * `sStatus` of a pushed delivery report. `UNKNOWN` (and any status not listed) is `null`: the message stays
 * where it is (`sent`) and the raw status is stored (NOTES.md, "Status normalisation").
 */
export const REPORT_STATUSES: Readonly<Record<string, ReportedState | null>> = {
  ACKED: "sent",
  ACCEPTED: "sent",
  ENROUTE: "sent",
  DELIVRD: "delivered",
  UNDELIV: "undelivered",
  DELETED: "undelivered",
  REJECTD: "failed",
  EXPIRED: "expired",
  UNKNOWN: null,
};

/** `iErrCode` of a delivery report that means "no error". */
export const REPORT_NO_ERROR = "0";

/** Answers of the credit check (`/CreditCheck/checkcredits`) other than `BALANCE:<amount>`. */
export const CREDIT_CHECK_ANSWERS: Readonly<Record<string, string>> = {
  AUTHORIZATION_FAILED: "the gateway refused the username or password (or the user is inactive)",
  INVALID_URL: "the gateway says the username or password is missing or incorrect",
  INTERNAL_ERROR: "the gateway could not fetch the balance (internal error); try again later",
  PERMISSION_DENIED: "the gateway refused: too many credit checks; try again later",
};
