/** The optional opt-out line a composer can add under a message; it is sent, so it is counted like the rest. */
export const OPT_OUT_FOOTER = "Reply STOP to opt out";

export function withOptOutFooter(text: string, footer: boolean): string {
  return footer ? `${text.replace(/\s+$/, "")}\n${OPT_OUT_FOOTER}` : text;
}
