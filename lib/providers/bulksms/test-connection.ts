/**
 * "Test connection": the settings are checked, then the vendor's Credit Check API (GET
 * `/CreditCheck/checkcredits?username&password` → `BALANCE:12345.12`, published beside the submission API
 * but not in the document) proves the host, the credentials and the account's state without sending anything.
 */
import type { ConnectionCheck } from "../types";
import { httpRequest } from "../shared/http";
import { CREDIT_CHECK_ANSWERS } from "./codes";
import type { ResolvedSettings } from "./config";
import { previewWithout } from "./redact";

const UNCHECKED =
  "Delivery reports are pushed to the URL set on the vendor's account (not per message): check there that it is this " +
  "account's delivery-report webhook URL.";

/** Checks the settings and, where the account has a credit check path, the gateway itself. */
export async function testBulksmsConnection(resolved: ResolvedSettings, signal?: AbortSignal): Promise<ConnectionCheck> {
  if (!resolved.ok) return { ok: false, message: `The settings are invalid: ${resolved.problems.join("; ")}.` };
  const { baseUrl, credentials, options, timeoutMs } = resolved.account;
  if (options.creditCheckPath === "") {
    return {
      ok: true,
      message: `The settings are valid. The gateway was not contacted (no credit check path is set), so the host and credentials are unproven until the first send. ${UNCHECKED}`,
    };
  }
  const query = new URLSearchParams({ username: credentials.username, password: credentials.password });
  const result = await httpRequest({ method: "GET", url: `${baseUrl}${options.creditCheckPath}?${query}`, timeoutMs, signal });
  const preview = previewWithout(credentials.password);
  if (result.kind !== "response") return { ok: false, message: `Could not reach the gateway: ${preview(result.reason)}.` };
  const answer = result.body.trim();
  const balance = /^BALANCE\s*:\s*(-?\d+(?:\.\d+)?)$/i.exec(answer);
  if (result.status === 200 && balance) {
    return { ok: true, message: `Connected: the gateway accepted the credentials; balance ${balance[1]} credits. ${UNCHECKED}` };
  }
  const known = CREDIT_CHECK_ANSWERS[answer.toUpperCase()];
  if (known) return { ok: false, message: `Credit check failed: ${known}.` };
  if (result.status === 404) {
    return { ok: false, message: `The gateway has no credit check at ${options.creditCheckPath} (HTTP 404); check the base URL, or clear the credit check path if this deployment has none.` };
  }
  return { ok: false, message: `Unexpected answer to the credit check (HTTP ${result.status}): ${preview(result.body)}` };
}
