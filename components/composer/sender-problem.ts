import { validateSenderId } from "@/lib/sms/sender-id";
import type { ComposerAccount } from "./types";

/** The sender's problem with the chosen vendor, if any (the server checks again). */
export function senderProblem(account: ComposerAccount | undefined, sender: string | undefined): string | undefined {
  if (!account) return undefined;
  const check = validateSenderId(account.vendor, sender?.trim() || account.defaultSender || "");
  return check.ok ? undefined : check.message;
}
