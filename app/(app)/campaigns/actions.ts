"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { editorAction } from "@/lib/auth/action";
import { cancelCampaign, pauseCampaign, resendMessages, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { composeCampaignSchema, estimateRequestSchema, singleMessageSchema, singleToNewCampaign, toNewCampaign } from "@/lib/campaigns/compose.schema";
import { estimateCampaign } from "@/lib/campaigns/estimate-campaign";
import { withOptOutFooter } from "@/lib/campaigns/opt-out-footer";
import { PREVIEW_RENDER_LIMIT, RENDER_LIMIT } from "@/lib/campaigns/render-limit";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { db } from "@/lib/db/client";
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";

const sql = () => sqlFor(rawDb());

/** The live preview and the confirmation: recipients, skips, segments, cost, duration, rendered samples. */
export const estimateAction = editorAction(estimateRequestSchema, async ({ preview, ...input }) =>
  estimateCampaign(
    db(),
    sql(),
    { ...input, text: withOptOutFooter(input.text, input.optOutFooter), defaultCountry: input.defaultCountry ? input.defaultCountry.toUpperCase() : undefined },
    preview ? PREVIEW_RENDER_LIMIT : RENDER_LIMIT,
  ),
);

/** Creates the campaign and launches it now, hands it to the gateway's scheduler, or leaves it scheduled. */
export const launchCampaignAction = editorAction(composeCampaignSchema, async (input, user) => {
  const campaign = await startCampaign(db(), sql(), toNewCampaign(input), user.id);
  revalidatePath("/campaigns");
  return campaign;
});

/** One message to one number (also the composer's test send). */
export const sendSingleAction = editorAction(singleMessageSchema, async (input, user) => {
  const campaign = await startCampaign(db(), sql(), singleToNewCampaign(input), user.id);
  revalidatePath("/campaigns");
  return campaign;
});

const campaignIdSchema = z.object({ id: z.number().int().positive() });

export const pauseCampaignAction = editorAction(campaignIdSchema, async ({ id }, user) => {
  await pauseCampaign(sql(), id, { userId: user.id });
  revalidatePath(`/campaigns/${id}`);
});

export const resumeCampaignAction = editorAction(campaignIdSchema, async ({ id }, user) => {
  await resumeCampaign(sql(), id, { userId: user.id });
  revalidatePath(`/campaigns/${id}`);
});

export const cancelCampaignAction = editorAction(campaignIdSchema, async ({ id }, user) => {
  await cancelCampaign(sql(), id, { userId: user.id });
  revalidatePath(`/campaigns/${id}`);
});

const resendSchema = campaignIdSchema.extend({ states: z.array(z.enum(["unknown", "failed"])).min(1, "Choose what to re-send.") });

/** Re-sends, on purpose, the campaign's `unknown` and/or `failed` messages; returns how many. */
export const resendCampaignAction = editorAction(resendSchema, async ({ id, states }, user) => {
  const count = await resendMessages(sql(), id, states, { userId: user.id });
  revalidatePath(`/campaigns/${id}`);
  return { count };
});
