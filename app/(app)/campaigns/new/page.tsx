import type { Metadata } from "next";
import { CampaignComposer } from "@/components/composer/campaign-composer";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS } from "@/lib/auth/roles";
import type { ComposeCampaignInput } from "@/lib/campaigns/compose.schema";
import { campaignToDuplicate, loadComposerData, timeZoneChoices } from "@/lib/campaigns/composer-data";
import { db } from "@/lib/db/client";
import { estimateAction, launchCampaignAction, sendSingleAction } from "../actions";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requirePageUser(EDITORS);
  const data = await loadComposerData(db());
  const fromId = Number((await searchParams).from);
  const from = Number.isInteger(fromId) && fromId > 0 ? await campaignToDuplicate(db(), fromId) : null;
  const enabled = data.accounts.filter((a) => a.enabled && a.available);
  const defaults: Partial<ComposeCampaignInput> = {
    name: from?.name ?? "",
    providerAccountId: from?.providerAccountId ?? (enabled.length === 1 ? enabled[0].id : undefined),
    sender: from?.sender ?? "",
    templateId: from?.templateId,
    text: from?.text ?? "",
    optOutFooter: false,
    listIds: from?.listIds ?? [],
    excludeListIds: from?.excludeListIds ?? [],
    scheduleMode: "now",
    scheduledLocal: "",
    timezone: user.timezone,
    ratePerSecond: from?.ratePerSecond,
  };
  return (
    <>
      <PageHeader title={from ? "Duplicate campaign" : "New campaign"} description="Every choice that costs money is shown before you confirm." />
      <CampaignComposer
        accounts={data.accounts}
        lists={data.lists}
        templates={data.templates}
        mergeFields={data.mergeFields}
        timezones={timeZoneChoices(user.timezone)}
        defaults={defaults}
        estimate={estimateAction}
        launch={launchCampaignAction}
        sendSingle={sendSingleAction}
      />
    </>
  );
}
