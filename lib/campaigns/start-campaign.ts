/**
 * What the composer's "Send" and the single-message form do: check everything that can be checked before
 * money is spent, create the campaign, and launch it now (or hand it to the gateway's scheduler). A
 * campaign scheduled in the app is left `scheduled`; the worker launches it at its time.
 */
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { findProvider } from "@/lib/providers/registry";
import { countSegments } from "@/lib/sms/segments";
import { composerAccount } from "./account-limits";
import { newCampaignSchema, type NewCampaign } from "./campaign.schema";
import { requestLaunch } from "./campaign-controls";
import { createCampaign } from "./create-campaign";
import { type CampaignEstimate, estimateCampaign } from "./estimate-campaign";
import { checkMessageLimits } from "./message-limits";

/** Refuses what the engine would accept but the gateway or the marketer would not want. */
async function assertSendable(db: Db, input: NewCampaign, estimate: CampaignEstimate): Promise<void> {
  const account = await db.providerAccount.findUnique({ where: { id: input.providerAccountId } });
  if (!account) throw new UserError("The provider account does not exist.", 400, { providerAccountId: "Choose a provider account." });
  if (!findProvider(account.vendor)) {
    throw new UserError(`This version cannot send through ${account.vendor} accounts.`, 400, { providerAccountId: "This account's gateway is not available." });
  }
  const view = composerAccount(account);
  if (input.scheduleMode === "gateway" && !view.nativeSchedule) {
    throw new UserError(`${view.vendorLabel} cannot hold messages until a time; schedule it in the app instead.`, 400, { scheduleMode: "This gateway has no scheduling of its own." });
  }
  if (estimate.recipients === 0) {
    const why = estimate.skipped.optedOut > 0 ? ` (${estimate.skipped.optedOut} opted out)` : "";
    throw new UserError(`Nobody would receive this campaign${why}.`, 400, { listIds: `The chosen audience has no one to send to${why}.` });
  }
  const longest = estimate.segments.longest;
  if (longest) {
    const check = checkMessageLimits(longest.text, countSegments(longest.text), view.limits);
    if (check.errors.length > 0) throw new UserError(check.errors[0], 400, { text: check.errors[0] });
  }
}

export async function startCampaign(db: Db, sql: Sql, raw: NewCampaign, actorId: number) {
  const parsed = newCampaignSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    throw new UserError(parsed.error.issues[0].message, 400, fieldErrors);
  }
  const input = parsed.data;
  const estimate = await estimateCampaign(db, sql, {
    providerAccountId: input.providerAccountId,
    text: input.text,
    listIds: input.listIds,
    excludeListIds: input.excludeListIds,
    recipients: input.recipients,
    defaultCountry: input.defaultCountry,
    ratePerSecond: input.ratePerSecond,
  });
  await assertSendable(db, input, estimate);
  const campaign = await createCampaign(db, input, actorId);
  if (campaign.status === "draft") await requestLaunch(sql, campaign.id, { userId: actorId });
  return { id: campaign.id, status: campaign.status === "draft" ? "sending" : campaign.status };
}
