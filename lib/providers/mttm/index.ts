/**
 * Message To The Moon (MTTM), a deployment of the open-source Jasmin SMS gateway: JSON REST
 * (`/secure/send`, `/secure/sendbatch`) or the HTTP API's `GET /send`. See README.md for the protocol and
 * every reading of the document this folder had to make.
 */
import type { ProviderDefinition } from "../types";
import { createMttmAdapter, mttmCapabilities } from "./adapter";
import {
  MTTM_BASE_URLS,
  mttmCredentialsSchema,
  mttmOptionsSchema,
  type MttmCredentials,
  type MttmOptions,
} from "./settings";

/** The MTTM provider: its schemas, what it can do with default options, and the adapter factory. */
export const mttmProvider: ProviderDefinition<MttmCredentials, MttmOptions> = {
  vendor: "mttm",
  label: "Message To The Moon (Jasmin)",
  baseUrls: MTTM_BASE_URLS,
  credentialsSchema: mttmCredentialsSchema,
  optionsSchema: mttmOptionsSchema,
  capabilities: mttmCapabilities(mttmOptionsSchema.parse({})),
  // Options are parsed again so that an account stored before an option existed gets its default.
  create: (settings) => createMttmAdapter({ ...settings, options: mttmOptionsSchema.parse(settings.options) }),
};

export type { MttmCredentials, MttmOptions } from "./settings";
