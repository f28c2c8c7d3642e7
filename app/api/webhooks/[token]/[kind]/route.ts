/**
 * Delivery reports, batch callbacks and inbound messages pushed by gateways, at
 * `/api/webhooks/<account token>/<kind>`. The adapter parses the raw request; the report is stored and
 * applied before we answer (a few milliseconds), so nothing acknowledged can be lost. A wrong token is
 * answered like a right one and changes nothing, so the answer never tells whether an account exists.
 */
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { ingestInbound } from "@/lib/delivery/inbound/ingest-inbound";
import { ingestReports } from "@/lib/delivery/reports/ingest-reports";
import { adapterForAccount } from "@/lib/providers/accounts/load-account";
import { findAccountByWebhookToken } from "@/lib/providers/accounts/webhook-token";
import { isWebhookKind } from "@/lib/providers/accounts/webhook-urls";
import type { RawRequest, WebhookReply } from "@/lib/providers/types";

const NEUTRAL: WebhookReply = { status: 200, body: "OK" };

async function handle(request: Request, { params }: { params: Promise<{ token: string; kind: string }> }): Promise<Response> {
  const { token, kind } = await params;
  const account = isWebhookKind(kind) ? await findAccountByWebhookToken(db(), token) : null;
  if (!account) return reply(NEUTRAL);
  const raw: RawRequest = {
    method: request.method,
    headers: Object.fromEntries(request.headers),
    query: Object.fromEntries(new URL(request.url).searchParams),
    body: await request.text(),
  };
  try {
    const adapter = adapterForAccount(account);
    const sql = sqlFor(rawDb());
    if (kind === "inbound") {
      if (!adapter.parseInbound) return reply(NEUTRAL);
      const parsed = adapter.parseInbound(raw);
      await ingestInbound(sql, account.id, parsed.items);
      return reply(parsed.reply);
    }
    if (!adapter.parseReport) return reply(NEUTRAL);
    const parsed = adapter.parseReport(kind, raw);
    await ingestReports(sql, account.id, parsed.items);
    return reply(parsed.reply);
  } catch (error) {
    // Not answering 2xx makes the gateway retry later, which is what we want when storing failed.
    console.error(`[webhook ${account.id}/${kind}]`, error);
    return new Response("temporarily unavailable", { status: 503 });
  }
}

function reply(r: WebhookReply): Response {
  return new Response(r.body, { status: r.status, headers: { "content-type": r.contentType ?? "text/plain; charset=utf-8" } });
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
