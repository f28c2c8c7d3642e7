/**
 * How the simulator reaches our webhooks: a JSON POST whose failure is logged, never thrown, because no
 * caller waits for a gateway's push. Logs never show the webhook token.
 */
import { httpRequest } from "../shared/http";

const POST_TIMEOUT_MS = 10_000;

/** The outcome of one push, for callers that want to show it (the "simulate a reply" form). */
export type PostResult = { ok: true; status: number } | { ok: false; status?: number; reason: string };

/** `https://app/api/webhooks/<token>/inbound` → `https://app/api/webhooks/…/inbound`. */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/webhooks\/[^/]+/, "/webhooks/…");
    return `${parsed.origin}${path}`;
  } catch {
    // an invalid URL is only ever logged, so say so rather than echo it
    return "(invalid URL)";
  }
}

/** POSTs `body` as JSON to `url`; resolves with what happened and logs any failure. */
export async function postJson(url: string, body: unknown, what: string): Promise<PostResult> {
  const result = await httpRequest({
    method: "POST",
    url,
    headers: { "content-type": "application/json", "user-agent": "sms-campaign-manager-simulator" },
    body: JSON.stringify(body),
    timeoutMs: POST_TIMEOUT_MS,
  });
  if (result.kind !== "response") {
    console.warn(`[simulator] ${what} to ${redactWebhookUrl(url)} failed: ${result.reason}`);
    return { ok: false, reason: result.reason };
  }
  if (result.status < 200 || result.status >= 300) {
    console.warn(`[simulator] ${what} to ${redactWebhookUrl(url)} answered HTTP ${result.status}`);
    return { ok: false, status: result.status, reason: `HTTP ${result.status}` };
  }
  return { ok: true, status: result.status };
}
