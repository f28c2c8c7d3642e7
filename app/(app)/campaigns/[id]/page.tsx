import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignLive, type ProgressJson } from "@/components/campaigns/campaign-live";
import { SegmentCounter } from "@/components/composer/segment-counter";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS, hasRole, READERS } from "@/lib/auth/roles";
import { getCampaignProgress } from "@/lib/campaigns/campaign-progress";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/format";
import { cancelCampaignAction, pauseCampaignAction, resendCampaignAction, resumeCampaignAction } from "../actions";

export const metadata: Metadata = { title: "Campaign" };

const MODE_LABEL = { now: "Sent now", at: "Scheduled in the app", gateway: "Scheduled at the gateway" } as const;

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(READERS);
  const id = Number((await params).id);
  const campaign =
    Number.isInteger(id) && id > 0
      ? await db().campaign.findUnique({
          where: { id },
          include: { providerAccount: { select: { name: true } }, template: { select: { id: true, name: true } }, createdBy: { select: { email: true } }, lists: { include: { list: { select: { name: true } } } } },
        })
      : null;
  if (!campaign) notFound();
  const progress = JSON.parse(JSON.stringify(await getCampaignProgress(db(), id))) as ProgressJson;
  const canEdit = hasRole(user.role, EDITORS);
  const audience = campaign.lists.filter((l) => !l.exclude).map((l) => l.list.name);
  const excluded = campaign.lists.filter((l) => l.exclude).map((l) => l.list.name);
  const recipients = Array.isArray(campaign.recipients) ? (campaign.recipients as string[]) : [];
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${campaign.kind === "single" ? "Single message" : "Bulk campaign"} · created ${formatDateTime(campaign.createdAt, user.timezone)}${campaign.createdBy ? ` by ${campaign.createdBy.email}` : ""}`}
        actions={<Link href="/campaigns" className="text-sm text-brand-600 underline">All campaigns</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CampaignLive
          initial={progress}
          controls={
            canEdit
              ? {
                  actions: { pause: pauseCampaignAction, resume: resumeCampaignAction, cancel: cancelCampaignAction, resend: resendCampaignAction },
                  duplicateHref: campaign.kind === "single" ? `/send?from=${id}` : `/campaigns/new?from=${id}`,
                  handedToGateway: campaign.scheduleMode === "gateway",
                }
              : undefined
          }
        />
        <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-6 text-sm">
          <h2 id="details-heading" className="text-lg font-medium">Details</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-500">Audience</dt>
            <dd>{[...audience, ...recipients].join(", ") || "—"}{excluded.length > 0 && `, leaving out ${excluded.join(", ")}`}</dd>
            <dt className="text-slate-500">Account</dt>
            <dd>{campaign.providerAccount.name}</dd>
            <dt className="text-slate-500">Sender</dt>
            <dd>{campaign.sender ?? "account default"}</dd>
            <dt className="text-slate-500">When</dt>
            <dd>
              {MODE_LABEL[campaign.scheduleMode]}
              {campaign.scheduledAt && `: ${formatDateTime(campaign.scheduledAt, user.timezone)} (entered in ${campaign.timezone})`}
            </dd>
            {campaign.ratePerSecond && (<><dt className="text-slate-500">Rate</dt><dd>{campaign.ratePerSecond} messages/s</dd></>)}
            {campaign.template && (<><dt className="text-slate-500">Template</dt><dd><Link className="text-brand-600 underline" href={`/templates/${campaign.template.id}`}>{campaign.template.name}</Link></dd></>)}
            {campaign.failureReason && (<><dt className="text-slate-500">Failure</dt><dd className="text-red-700">{campaign.failureReason}</dd></>)}
          </dl>
          <h3 className="mt-4 font-medium">Message</h3>
          <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono" data-testid="campaign-text">{campaign.text}</p>
          <SegmentCounter text={campaign.text} />
        </section>
      </div>
    </>
  );
}
