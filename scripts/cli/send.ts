/** `cli send`: one message to one number, through the same library calls as the app and the API. */
import { parseArgs } from "node:util";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { resolveAccountId } from "@/lib/api/send.schema";
import { type CliContext, confirm, optionalNumber, UsageError, WORKER_NOTE } from "./shared";

export const SEND_USAGE = `send --to <number> --text <message> [--account <id>] [--sender <id>] [--country <CC>] [--at <ISO time>] [--yes]`;

export async function sendCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { to: { type: "string" }, text: { type: "string" }, account: { type: "string" }, sender: { type: "string" }, country: { type: "string" }, at: { type: "string" }, yes: { type: "boolean", default: false } },
  });
  if (!values.to || !values.text) throw new UsageError(`Usage: ${SEND_USAGE}`);
  const scheduledAt = values.at ? new Date(values.at) : undefined;
  if (scheduledAt && Number.isNaN(scheduledAt.getTime())) throw new UsageError("Give --at as an ISO time, e.g. 2026-05-01T09:00:00Z.");
  const providerAccountId = await resolveAccountId(ctx.db, optionalNumber(values.account, "--account"));
  const account = await ctx.db.providerAccount.findUniqueOrThrow({ where: { id: providerAccountId }, select: { name: true } });
  if (!(await confirm(`Send "${values.text}" to ${values.to} through "${account.name}"${scheduledAt ? ` at ${scheduledAt.toISOString()}` : " now"}?`, values.yes))) return 1;

  const campaign = await createCampaign(
    ctx.db,
    { name: `CLI message to ${values.to}`, kind: "single", providerAccountId, sender: values.sender, text: values.text, recipients: [values.to], defaultCountry: values.country?.toUpperCase(), scheduleMode: scheduledAt ? "at" : "now", scheduledAt },
    null,
  );
  if (campaign.status === "draft") await requestLaunch(ctx.sql, campaign.id, { userId: null });
  console.log(`Campaign ${campaign.id} ${campaign.status === "draft" ? "started" : `scheduled for ${scheduledAt!.toISOString()}`}. ${WORKER_NOTE}`);
  console.log(`Follow it with: npm run cli -- campaign progress ${campaign.id} --watch`);
  return 0;
}
