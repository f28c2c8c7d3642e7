/**
 * Checks an account's settings once, when the adapter is built, so that `send` never throws and "test
 * connection" can say exactly what is wrong. Options are parsed again here (filling defaults), which also
 * keeps accounts stored before an option existed working.
 */
import { bulksmsCredentialsSchema, bulksmsOptionsSchema, MAX_DESTINATIONS_PER_REQUEST, type BulksmsCredentials, type BulksmsOptions, type BulksmsSettings } from "./settings";
import { validateSenderId } from "../../sms/sender-id";

/** Settings the adapter can use as they are. */
export interface ResolvedAccount {
  /** Without a trailing slash. */
  baseUrl: string;
  credentials: BulksmsCredentials;
  options: BulksmsOptions;
  defaultSender?: string;
  timeoutMs: number;
  batchSize: number;
}

export type ResolvedSettings = { ok: true; account: ResolvedAccount } | { ok: false; problems: string[]; options: BulksmsOptions };

/** Validates `settings`; problems are worded for an admin and never quote the password. */
export function resolveSettings(settings: BulksmsSettings): ResolvedSettings {
  const problems: string[] = [];
  const baseUrl = checkBaseUrl(settings.baseUrl, problems);
  const credentials = bulksmsCredentialsSchema.safeParse(settings.credentials);
  if (!credentials.success) problems.push(...credentials.error.issues.map((issue) => `credentials: ${issue.message}`));
  const options = bulksmsOptionsSchema.safeParse(settings.options ?? {});
  if (!options.success) problems.push(...options.error.issues.map((issue) => `option ${issue.path.join(".")}: ${issue.message}`));
  const senderCheck = settings.defaultSender === undefined ? undefined : validateSenderId("bulksms", settings.defaultSender);
  if (senderCheck && !senderCheck.ok) problems.push(`default sender: ${senderCheck.message}`);
  if (!(settings.timeoutMs > 0)) problems.push("the request timeout must be a positive number of milliseconds");
  if (!(settings.batchSize >= 1)) problems.push("the batch size must be at least 1");

  const parsedOptions = options.success ? options.data : bulksmsOptionsSchema.parse({});
  if (problems.length > 0 || !credentials.success || baseUrl === undefined) return { ok: false, problems, options: parsedOptions };
  return {
    ok: true,
    account: {
      baseUrl,
      credentials: credentials.data,
      options: parsedOptions,
      defaultSender: settings.defaultSender,
      timeoutMs: settings.timeoutMs,
      batchSize: Math.min(Math.floor(settings.batchSize), MAX_DESTINATIONS_PER_REQUEST),
    },
  };
}

function checkBaseUrl(raw: string, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // the URL constructor's only failure mode is "not a URL"
    problems.push("the base URL is not a valid URL (e.g. https://smsapi.icosnet.com:8443)");
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") problems.push("the base URL must start with http:// or https://");
  else if (url.search || url.hash || url.username || url.password) problems.push("the base URL must not carry a query, fragment or user info");
  else return url.href.replace(/\/+$/, "");
  return undefined;
}
