import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { AccountActions } from "@/components/providers/account-actions";
import { AccountForm } from "@/components/providers/account-form";
import { SimulateReplyForm } from "@/components/providers/simulate-reply-form";
import { WebhookUrls, type WebhookUrlItem } from "@/components/providers/webhook-urls";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { config } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { type AccountDetails, getAccountDetails } from "@/lib/providers/accounts/account-view";
import { vendorForm } from "@/lib/providers/accounts/vendor-form";
import { DEFAULT_TOKEN_GRACE_MS } from "@/lib/providers/accounts/webhook-token";
import { findProvider } from "@/lib/providers/registry";
import { formatDateTime } from "@/lib/time/format";
import { deleteAccountAction, rotateTokenAction, saveAccountAction, setAccountEnabledAction, simulateReplyAction, testConnectionAction } from "../actions";

export const metadata: Metadata = { title: "Provider account" };

function webhookItems(account: AccountDetails): WebhookUrlItem[] {
  const caps = account.capabilities;
  const items: WebhookUrlItem[] = [
    {
      label: "Delivery reports",
      url: account.webhookUrls.deliveryReport,
      hint: caps?.reports.webhook
        ? "Where the gateway pushes delivery reports. Paste it where the vendor's portal asks for a DLR or status callback URL (adapters that send it with each message need nothing pasted)."
        : "This gateway's reports are fetched by polling; nothing to paste.",
    },
    {
      label: "Inbound messages",
      url: account.webhookUrls.inbound,
      hint: caps?.inbound.webhook ? "Where the gateway pushes replies (e.g. an HTTP trunk's URL)." : "This gateway pushes no replies here; nothing to paste.",
    },
    { label: "Batch callback", url: account.webhookUrls.batchCallback, hint: "Sent with each batch by gateways with batch callbacks (MTTM); nothing to paste." },
    { label: "Batch errback", url: account.webhookUrls.batchErrback, hint: "Sent with each batch by gateways with batch callbacks (MTTM); nothing to paste." },
  ];
  return items;
}

export default async function ProviderAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePageUser(ADMINS);
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let account: AccountDetails;
  try {
    account = await getAccountDetails(db(), id, config().encryptionKey);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const form = findProvider(account.vendor) ? vendorForm(account.vendor) : undefined;
  const caps = account.capabilities;
  return (
    <>
      <PageHeader
        title={account.name}
        description={`${account.vendorLabel} · ${account.enabled ? "Enabled" : "Disabled"} · used by ${account.campaignCount} campaign${account.campaignCount === 1 ? "" : "s"}`}
        actions={<Link href="/providers" className="text-sm text-brand-600 underline">Back to providers</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="connection" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="connection" className="mb-4 text-lg font-medium">Connection</h2>
          {!account.credentials.readable && (
            <p role="alert" className="mb-4 text-sm text-red-700">
              The stored credentials cannot be decrypted with the current APP_ENCRYPTION_KEY. Restore the key they were saved with, or enter them again below.
            </p>
          )}
          {caps && (
            <p className="mb-4 text-sm text-slate-600">
              Up to {caps.maxBatchSize} destinations per request · {caps.unicode ? "Unicode" : "no Unicode"} · {caps.nativeSchedule ? "gateway scheduling" : "app-side scheduling only"} · reports{" "}
              {caps.reports.webhook ? "by webhook" : caps.reports.poll ? "by polling" : "none"} · replies {caps.inbound.webhook ? "by webhook" : caps.inbound.poll ? "by polling" : "none"}
            </p>
          )}
          <AccountActions
            accountId={account.id}
            accountName={account.name}
            enabled={account.enabled}
            graceDays={Math.round(DEFAULT_TOKEN_GRACE_MS / 86_400_000)}
            testConnection={testConnectionAction}
            setEnabled={setAccountEnabledAction}
            rotateToken={rotateTokenAction}
            remove={deleteAccountAction}
          />
        </section>
        <section aria-labelledby="webhooks" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="webhooks" className="mb-4 text-lg font-medium">Webhook URLs</h2>
          <WebhookUrls items={webhookItems(account)} />
          {account.previousTokenExpiresAt && (
            <p className="mt-2 text-sm text-slate-600" data-testid="previous-token-notice">
              The previous URLs keep working until {formatDateTime(new Date(account.previousTokenExpiresAt), me.timezone)}.
            </p>
          )}
        </section>
      </div>
      {account.vendor === "simulator" && (
        <section aria-labelledby="simulate" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="simulate" className="text-lg font-medium">Simulate a reply from this number</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">Posts an inbound message to this account&apos;s inbound webhook, exactly as the simulator gateway does.</p>
          <SimulateReplyForm accountId={account.id} simulate={simulateReplyAction} />
        </section>
      )}
      <section aria-labelledby="settings" className="mt-6 max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="settings" className="mb-4 text-lg font-medium">Settings</h2>
        {form ? (
          <AccountForm
            vendor={form}
            save={saveAccountAction}
            initial={{
              id: account.id,
              name: account.name,
              baseUrl: account.baseUrl,
              defaultSender: account.defaultSender,
              rateLimitPerSecond: account.rateLimitPerSecond,
              batchSize: account.batchSize,
              timeoutMs: account.timeoutMs,
              pricePerSegment: account.pricePerSegment,
              currency: account.currency,
              options: account.options,
              credentialsSet: account.credentials.set,
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">This version has no adapter for {account.vendor}; its settings cannot be edited.</p>
        )}
      </section>
    </>
  );
}
