/** Where an opt-out or opt-in came from. Its own module: client forms validate with it, and opt-out.ts is server-only. */
export const OPT_OUT_SOURCES = ["manual", "import", "inbound", "gateway", "api"] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];
