/**
 * DIDWW (didww.md): JSON:API over HTTPS with Basic auth, bulk up to 1000 destinations, status callbacks
 * to the trunk's Callback URL, and inbound SMS pushed through an HTTP IN trunk. See README.md.
 */
import type { ProviderDefinition } from "../types";
import { createDidwwAdapter, didwwCapabilities } from "./adapter";
import {
  DIDWW_BASE_URLS,
  didwwCredentialsSchema,
  didwwOptionsSchema,
  type DidwwCredentials,
  type DidwwOptions,
} from "./settings";

/** The DIDWW vendor as the account form and the delivery engine see it. */
export const didwwProvider: ProviderDefinition<DidwwCredentials, DidwwOptions> = {
  vendor: "didww",
  label: "DIDWW",
  baseUrls: DIDWW_BASE_URLS,
  credentialsSchema: didwwCredentialsSchema,
  optionsSchema: didwwOptionsSchema,
  capabilities: didwwCapabilities,
  create: createDidwwAdapter,
};
