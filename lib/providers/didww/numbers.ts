/**
 * DIDWW's number formats: E.164 digits without `+` both ways ("Country Code + Area Code + Subscriber's
 * Number, e.g. 123456789"), and a sender that is either one of the trunk's DIDs or a sender ID of the
 * registered A2P campaign.
 */

const E164 = /^\+?([1-9]\d{1,14})$/;
/** An alphanumeric sender ID: at most 11 characters and at least one letter (GSM TP-OA). */
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9 .&_-]{1,11}$/;

/** DIDWW's digits for an E.164 number, or undefined when it is not one. */
export function toDidwwNumber(e164: string): string | undefined {
  return E164.exec(e164)?.[1];
}

/** Our E.164 (`+` and digits) for a number DIDWW sends; anything else (an alphanumeric sender) unchanged. */
export function fromDidwwNumber(value: string): string {
  const compact = value.replace(/[\s()-]/g, "");
  const digits = E164.exec(compact)?.[1];
  return digits ? `+${digits}` : value.trim();
}

/**
 * The `source` attribute for a sender: DID digits, or the sender ID as registered. Undefined sender:
 * no `source` (DIDWW then picks one of the campaign's sender IDs).
 */
export function toDidwwSource(sender: string | undefined): { source?: string } | { error: string } {
  if (sender === undefined || sender.trim() === "") return {};
  const trimmed = sender.trim();
  const digits = toDidwwNumber(trimmed);
  if (digits) return { source: digits };
  if (SENDER_ID.test(trimmed)) return { source: trimmed };
  return { error: `sender "${sender}" is neither a DID number (E.164 digits) nor an alphanumeric sender ID of at most 11 characters` };
}
