/**
 * Opt-out and opt-in keywords in inbound replies. A reply opts out when, ignoring case and spaces, it is
 * exactly one of the keywords (so "Stop it" is a conversation, not an opt-out). The lists can be changed
 * by an admin (AppSetting `optOutKeywords` / `optInKeywords`), e.g. to add BAJA or UNSUB.
 */
export const DEFAULT_OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"];
export const DEFAULT_OPT_IN_KEYWORDS = ["START", "UNSTOP"];

export interface KeywordLists {
  optOut: string[];
  optIn: string[];
}

const squash = (text: string) => text.normalize("NFKC").replace(/[\s.!]+/g, "").toUpperCase();

/** `opt-out`, `opt-in` or null, with the keyword matched. */
export function classifyReply(text: string, lists: KeywordLists = { optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS }): { kind: "opt-out" | "opt-in"; keyword: string } | null {
  const word = squash(text);
  if (!word) return null;
  const optOut = lists.optOut.find((k) => squash(k) === word);
  if (optOut) return { kind: "opt-out", keyword: optOut.toUpperCase() };
  const optIn = lists.optIn.find((k) => squash(k) === word);
  if (optIn) return { kind: "opt-in", keyword: optIn.toUpperCase() };
  return null;
}
