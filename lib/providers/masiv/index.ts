/**
 * Estratec Masiv: HTTP GET `sendhandler.ashx` (an Ozeki NG gateway) with XML replies, scheduling with
 * `sendondate`, delivery status by polling `Reporthandler.ashx?action=getMessage`. README.md beside this file
 * lists the readings chosen where the document is unclear.
 */
import type { ProviderDefinition } from "../types";
import { createMasivAdapter, MASIV_CAPABILITIES } from "./adapter";
import { masivCredentialsSchema, masivOptionsSchema, type MasivCredentials, type MasivOptions } from "./settings";

export const masivProvider: ProviderDefinition<MasivCredentials, MasivOptions> = {
  vendor: "masiv",
  label: "Estratec Masiv",
  baseUrls: [
    { label: "Production (CDN, recommended)", url: "https://api.masivapp.com/SmsHandlers" },
    { label: "Production (fixed IP)", url: "https://api.masiv.co/SmsHandlers" },
    { label: "Test", url: "https://dev.stratec.com.co/Smsv3" },
  ],
  credentialsSchema: masivCredentialsSchema,
  optionsSchema: masivOptionsSchema,
  capabilities: MASIV_CAPABILITIES,
  create: createMasivAdapter,
};

export { ReportPollError } from "../shared/poll-each";
