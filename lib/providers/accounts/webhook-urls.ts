/**
 * The webhook URLs of an account: `<APP_URL>/api/webhooks/<token>/<kind>`. The delivery engine passes them
 * to `send` (ReportUrls), the account page shows them for pasting into vendor portals, and the webhook
 * route maps the `<kind>` segment back with `WEBHOOK_KINDS`.
 */
import { config } from "@/lib/env";
import type { ReportUrls } from "../types";

/** URL segment → the ReportUrls field it fills. */
export const WEBHOOK_KINDS = {
  report: "deliveryReport",
  "batch-callback": "batchCallback",
  "batch-errback": "batchErrback",
  inbound: "inbound",
} as const satisfies Record<string, keyof ReportUrls>;

export type WebhookKind = keyof typeof WEBHOOK_KINDS;

export function isWebhookKind(kind: string): kind is WebhookKind {
  return Object.hasOwn(WEBHOOK_KINDS, kind);
}

/** The account's webhook URLs under `appUrl` (default: the configured APP_URL). */
export function webhookUrls(account: { webhookToken: string }, appUrl: string = config().appUrl): ReportUrls {
  const base = `${appUrl.replace(/\/+$/, "")}/api/webhooks/${encodeURIComponent(account.webhookToken)}`;
  const urls = {} as ReportUrls;
  for (const [kind, field] of Object.entries(WEBHOOK_KINDS)) urls[field] = `${base}/${kind}`;
  return urls;
}
