/**
 * Unified Communications bulksms, RouteSMS's (Route Mobile) bulk HTTP API: GET submissions with
 * comma-separated destinations, a scheduler, and delivery reports pushed to a URL set on the account.
 * Protocol and readings: README.md beside this file.
 */
import type { ProviderDefinition } from "../types";
import { createBulksmsAdapter } from "./adapter";
import {
  BULKSMS_BASE_URLS,
  BULKSMS_CAPABILITIES,
  bulksmsCredentialsSchema,
  bulksmsOptionsSchema,
  type BulksmsCredentials,
  type BulksmsOptions,
} from "./settings";

/** The bulksms gateway as the app registers it. */
export const bulksmsProvider: ProviderDefinition<BulksmsCredentials, BulksmsOptions> = {
  vendor: "bulksms",
  label: "Unified Communications (bulksms)",
  baseUrls: BULKSMS_BASE_URLS,
  credentialsSchema: bulksmsCredentialsSchema,
  optionsSchema: bulksmsOptionsSchema,
  capabilities: BULKSMS_CAPABILITIES,
  create: createBulksmsAdapter,
};
