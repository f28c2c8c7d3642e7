/**
 * Checks an account form against the vendor's schemas and limits, producing what is stored. Every problem
 * becomes a field error keyed by the form's field name (`name`, `credentials.password`, `options.dlrLevel`).
 */
import { UserError } from "@/lib/errors";
import { getProvider, type AnyProviderDefinition } from "../registry";
import type { AccountFormValues } from "./account.schema";
import { mergeCredentials, type StoredCredentials } from "./credentials";
import { coerceValues, fieldErrorsFrom, fieldsFromSchema } from "./form-fields";

export interface ValidAccount {
  definition: AnyProviderDefinition;
  /** Credentials to encrypt (stored ones merged with the non-empty inputs). */
  credentials: StoredCredentials;
  /** Names of the credential fields this change sets (for the audit log). */
  changedCredentials: string[];
  options: Record<string, unknown>;
  fields: {
    vendor: AccountFormValues["vendor"];
    name: string;
    baseUrl: string;
    defaultSender: string | null;
    rateLimitPerSecond: number;
    batchSize: number;
    timeoutMs: number;
    pricePerSegment: string;
    currency: string;
  };
}

function baseUrlProblem(definition: AnyProviderDefinition, baseUrl: string): string | undefined {
  if (definition.baseUrls.some((b) => b.url === baseUrl)) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    // the URL constructor's only failure is "not a URL"
    return "Enter a full URL, e.g. https://gateway.example.com.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "The base URL must start with http:// or https://.";
  if (url.search || url.hash || url.username || url.password) return "The base URL must not carry a query, fragment or user name.";
  return undefined;
}

/**
 * Validates `input` for its vendor; `stored` are the account's current credentials when editing. Throws a
 * UserError with field errors when anything is wrong.
 */
export function validateAccount(input: AccountFormValues, stored?: StoredCredentials): ValidAccount {
  const definition = getProvider(input.vendor);
  const errors: Record<string, string> = {};

  const credentialNames = fieldsFromSchema(definition.credentialsSchema).map((f) => f.name);
  const typed = Object.fromEntries(Object.entries(input.credentials).filter(([name]) => credentialNames.includes(name)));
  const { merged, changed } = mergeCredentials(stored ?? {}, typed);
  const credentials = definition.credentialsSchema.safeParse(merged);
  if (!credentials.success) Object.assign(errors, fieldErrorsFrom(credentials.error, "credentials"));

  const options = definition.optionsSchema.safeParse(coerceValues(fieldsFromSchema(definition.optionsSchema), input.options));
  if (!options.success) Object.assign(errors, fieldErrorsFrom(options.error, "options"));

  const urlProblem = baseUrlProblem(definition, input.baseUrl);
  if (urlProblem) errors.baseUrl = urlProblem;

  // Capabilities may depend on options (MTTM's HTTP transport sends one message per request), so the
  // adapter built from these settings has the last word when they are valid.
  let max = definition.capabilities.maxBatchSize;
  if (credentials.success && options.success) {
    const adapter = definition.create({
      baseUrl: input.baseUrl,
      credentials: credentials.data,
      options: options.data,
      defaultSender: input.defaultSender || undefined,
      timeoutMs: input.timeoutMs,
      batchSize: input.batchSize,
    });
    max = Math.min(max, adapter.capabilities.maxBatchSize);
  }
  if (input.batchSize > max) errors.batchSize = `At most ${max} for this gateway${max === 1 ? " (it sends one message per request)" : ""}.`;

  if (Object.keys(errors).length > 0 || !credentials.success || !options.success) {
    throw new UserError("Please correct the highlighted fields.", 400, errors);
  }
  return {
    definition,
    credentials: credentials.data as StoredCredentials,
    changedCredentials: changed,
    options: options.data as Record<string, unknown>,
    fields: {
      vendor: input.vendor,
      name: input.name,
      baseUrl: input.baseUrl,
      defaultSender: input.defaultSender || null,
      rateLimitPerSecond: input.rateLimitPerSecond,
      batchSize: input.batchSize,
      timeoutMs: input.timeoutMs,
      pricePerSegment: input.pricePerSegment,
      currency: input.currency,
    },
  };
}
