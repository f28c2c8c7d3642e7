/**
 * MTTM's `from` is free text to Jasmin, which copies it into the SMPP `source_addr`; handsets and networks
 * then accept an alphanumeric sender of at most 11 characters or a number of at most 15 digits. A longer
 * one is not refused at submission but mangled or dropped later, so it is refused here, before sending.
 */

/** Why `sender` cannot be used as an MTTM `from`, or `undefined` when it can. */
export function senderProblem(sender: string): string | undefined {
  if (sender.trim() === "") return "the sender ID is empty";
  if (/^\+?\d+$/.test(sender)) return sender.replace("+", "").length <= 15 ? undefined : "a numeric sender ID has at most 15 digits";
  if (!/^[\x20-\x7E]+$/.test(sender)) return "an alphanumeric sender ID uses plain ASCII letters, digits and punctuation";
  return sender.length <= 11 ? undefined : "an alphanumeric sender ID has at most 11 characters";
}
