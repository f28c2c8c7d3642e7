import type { Metadata } from "next";
import { SingleMessageForm } from "@/components/composer/single-message-form";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { EDITORS } from "@/lib/auth/roles";
import { campaignToDuplicate, loadComposerData } from "@/lib/campaigns/composer-data";
import { db } from "@/lib/db/client";
import { estimateAction, sendSingleAction } from "../campaigns/actions";

export const metadata: Metadata = { title: "Send one message" };

export default async function SendPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requirePageUser(EDITORS);
  const data = await loadComposerData(db());
  const fromId = Number((await searchParams).from);
  const from = Number.isInteger(fromId) && fromId > 0 ? await campaignToDuplicate(db(), fromId) : null;
  const enabled = data.accounts.filter((a) => a.enabled && a.available);
  return (
    <>
      <PageHeader title="Send one message" description="One SMS to one number: a test, or a quick message. Opt-outs still apply." />
      <SingleMessageForm
        accounts={data.accounts}
        mergeFields={data.mergeFields}
        timeZone={user.timezone}
        estimate={estimateAction}
        sendSingle={sendSingleAction}
        defaults={{
          to: from?.recipients[0] ?? "",
          defaultCountry: "",
          providerAccountId: from?.providerAccountId ?? (enabled.length === 1 ? enabled[0].id : undefined),
          sender: from?.sender ?? "",
          text: from?.text ?? "",
          optOutFooter: false,
        }}
      />
    </>
  );
}
