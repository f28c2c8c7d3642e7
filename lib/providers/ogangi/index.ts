/**
 * OGANGI Mobile Engagement (Messangi platform): signed path-parameter REST calls with URL-safe Base64 fields
 * and XML replies. README.md beside this file lists the readings chosen where the document is unclear.
 */
import type { ProviderDefinition } from "../types";
import { createOgangiAdapter, OGANGI_CAPABILITIES } from "./adapter";
import { ogangiCredentialsSchema, ogangiOptionsSchema, type OgangiCredentials, type OgangiOptions } from "./settings";

export const ogangiProvider: ProviderDefinition<OgangiCredentials, OgangiOptions> = {
  vendor: "ogangi",
  label: "OGANGI Mobile Engagement (Messangi)",
  // The document writes {base_url}; Messangi's public wiki uses this one. Customer workspaces may have
  // their own host (e.g. https://<customer>.ogangi.com/mmc): the account form accepts any URL.
  baseUrls: [{ label: "Messangi (public wiki)", url: "https://www.messangi.com/messangi_mmc" }],
  credentialsSchema: ogangiCredentialsSchema,
  optionsSchema: ogangiOptionsSchema,
  capabilities: OGANGI_CAPABILITIES,
  create: createOgangiAdapter,
};

export { verifyPhoneNumber, type VerifyPhoneRequest, type VerifyPhoneResult } from "./verify-phone";
export { fireMessage } from "./fire-message";
export { InboundPollError } from "./poll-inbound";
export { ReportPollError } from "../shared/poll-each";
