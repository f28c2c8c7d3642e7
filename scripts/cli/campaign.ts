/**
 * `cli campaign launch`: imports a CSV file into a new list (the same import job as the app's wizard, with
 * the wizard's first guess of the columns), then creates and starts a campaign to that list after asking.
 * `cli campaign progress`: the campaign's counters, once or until it finishes.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveAccountId } from "@/lib/api/send.schema";
import { requestLaunch } from "@/lib/campaigns/campaign-controls";
import { getCampaignProgress, type CampaignProgress } from "@/lib/campaigns/campaign-progress";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { countAudience } from "@/lib/campaigns/estimate-campaign";
import { importCsvFile, sniffFile } from "@/lib/contacts/import-file";
import { fieldKeyFromHeader, fieldKeySchema, guessMapping } from "@/lib/contacts/import-mapping";
import { type CliContext, confirm, optionalNumber, requiredNumber, UsageError, WORKER_NOTE } from "./shared";

export const CAMPAIGN_USAGE = [
  `campaign launch --csv <file> --text <message> [--name <name>] [--list <new list name>] [--account <id>] [--country <CC>] [--at <ISO time>] [--yes]`,
  `campaign progress <id> [--watch]`,
];

/** The wizard's guess, plus every other header column as a custom field named after it. */
function mappingFor(file: string) {
  const sniff = sniffFile(file);
  const header = sniff.hasHeader ? (sniff.preview[0] ?? null) : null;
  const guess = guessMapping(header, sniff.hasHeader ? sniff.preview.slice(1) : sniff.preview);
  if (guess.phone === undefined) throw new UsageError("No column of the file looks like phone numbers; give it a header such as `phone`.");
  const used = new Set([guess.phone, guess.firstName, guess.lastName, guess.optOut]);
  const fields = (header ?? [])
    .map((name, column) => ({ column, key: fieldKeyFromHeader(name) }))
    .filter((f) => !used.has(f.column) && fieldKeySchema.safeParse(f.key).success);
  return {
    hasHeader: sniff.hasHeader,
    mapping: { phone: guess.phone, firstName: guess.firstName ?? null, lastName: guess.lastName ?? null, optOut: guess.optOut ?? null, fields },
    newFields: fields.map((f) => ({ key: f.key, label: header![f.column] })),
  };
}

async function launch(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { csv: { type: "string" }, text: { type: "string" }, name: { type: "string" }, list: { type: "string" }, account: { type: "string" }, country: { type: "string" }, at: { type: "string" }, yes: { type: "boolean", default: false } },
  });
  if (!values.csv || !values.text) throw new UsageError(`Usage: ${CAMPAIGN_USAGE[0]}`);
  if (!existsSync(values.csv)) throw new UsageError(`No file at ${values.csv}.`);
  const scheduledAt = values.at ? new Date(values.at) : undefined;
  if (scheduledAt && Number.isNaN(scheduledAt.getTime())) throw new UsageError("Give --at as an ISO time, e.g. 2026-05-01T09:00:00Z.");
  const providerAccountId = await resolveAccountId(ctx.db, optionalNumber(values.account, "--account"));
  const account = await ctx.db.providerAccount.findUniqueOrThrow({ where: { id: providerAccountId }, select: { name: true } });
  const name = values.name ?? path.basename(values.csv, path.extname(values.csv));
  const listName = values.list ?? `${name} (${new Date().toISOString().slice(0, 16).replace("T", " ")})`;

  const { hasHeader, mapping, newFields } = mappingFor(values.csv);
  const report = await importCsvFile(ctx.db, ctx.raw, values.csv, { hasHeader, mapping, newFields, defaultCountry: values.country?.toUpperCase() ?? null, list: { kind: "new", name: listName } });
  console.log(`Imported ${report.rowsRead} rows into list "${listName}": ${report.created} new, ${report.updated} updated, ${report.duplicates} duplicate, ${report.rejected} rejected.`);
  for (const reason of report.reasons) console.log(`  rejected ${reason.count}× ${reason.reason}`);
  const listId = report.listId!;
  const counts = await countAudience(ctx.sql, { listIds: [listId], excludeListIds: [], contactIds: [] });
  const reachable = counts.audience - counts.optedOut;
  if (reachable === 0) throw new UsageError("Nobody in the file can receive messages (no valid number that has not opted out).");

  const when = scheduledAt ? `at ${scheduledAt.toISOString()}` : "now";
  if (!(await confirm(`Send "${values.text}" to ${reachable} contact(s) through "${account.name}" ${when}?`, values.yes))) {
    console.log(`Nothing sent. The contacts stay in list ${listId}.`);
    return 1;
  }
  const campaign = await createCampaign(
    ctx.db,
    { name, kind: "bulk", providerAccountId, text: values.text, listIds: [listId], defaultCountry: values.country?.toUpperCase(), scheduleMode: scheduledAt ? "at" : "now", scheduledAt },
    null,
  );
  if (campaign.status === "draft") await requestLaunch(ctx.sql, campaign.id, { userId: null });
  console.log(`Campaign ${campaign.id} ${campaign.status === "draft" ? "started" : `scheduled ${when}`}. ${WORKER_NOTE}`);
  console.log(`Follow it with: npm run cli -- campaign progress ${campaign.id} --watch`);
  return 0;
}

function describeProgress(p: CampaignProgress): string {
  const counts = Object.entries(p.counts).filter(([, n]) => n > 0).map(([state, n]) => `${state} ${n}`).join(", ");
  const pace = p.throughputPerSecond ? `, ${p.throughputPerSecond.toFixed(1)}/s${p.secondsLeft ? `, ~${p.secondsLeft}s left` : ""}` : "";
  return `#${p.id} "${p.name}": ${p.status}, ${p.done}/${p.recipients} done${pace}${counts ? ` (${counts})` : ""}, cost ${p.cost}`;
}

const UNFINISHED = new Set(["draft", "scheduled", "sending", "paused"]);

async function progress(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { watch: { type: "boolean", default: false } } });
  const id = requiredNumber(positionals[0], "the campaign id");
  for (;;) {
    const p = await getCampaignProgress(ctx.db, id);
    console.log(describeProgress(p));
    if (!values.watch || !UNFINISHED.has(p.status)) return 0;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

export async function campaignCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "launch") return launch(ctx, rest);
  if (sub === "progress") return progress(ctx, rest);
  throw new UsageError(`Usage:\n  ${CAMPAIGN_USAGE.join("\n  ")}`);
}
