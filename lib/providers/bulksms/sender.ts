/**
 * The `source` rule of the document: "Max Length of 18 if numeric. Max Length of 11 if alphanumeric", with
 * an optional leading `+` on numeric senders ("You need to URL encode the plus sign"). Checked before
 * sending because the gateway refuses the whole request (1707) otherwise.
 */

const NUMERIC_SENDER = /^\+?\d{1,18}$/;
/** Letters and digits, plus the spaces and punctuation handsets display in alphanumeric senders. */
const ALPHANUMERIC_SENDER = /^[A-Za-z0-9 .&_-]{1,11}$/;

/** Why `sender` would be refused, or `undefined` when it is acceptable. */
export function senderProblem(sender: string): string | undefined {
  if (sender.trim() === "") return "the sender ID is empty";
  if (NUMERIC_SENDER.test(sender)) return undefined;
  if (/^\+?\d+$/.test(sender)) return `a numeric sender ID has at most 18 digits (got ${sender.replace("+", "").length})`;
  if (ALPHANUMERIC_SENDER.test(sender)) return undefined;
  if (sender.length > 11) return `an alphanumeric sender ID has at most 11 characters (got ${sender.length})`;
  return "an alphanumeric sender ID may hold only letters, digits, spaces and . & _ -";
}
