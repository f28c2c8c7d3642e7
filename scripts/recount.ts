/**
 * `npm run recount [-- --rebuild] [-- --campaign 12]`: proves the campaign counters and the dashboard
 * rollups equal a full recount of the message table, and with --rebuild repairs any that do not.
 * Exits with 1 when a difference was found and left as is.
 */
import { rawDb } from "@/lib/db/raw";
import { sqlFor } from "@/lib/db/sql";
import { recountAll } from "@/lib/stats/recount";

const args = process.argv.slice(2);
const rebuild = args.includes("--rebuild");
const campaignArg = args.indexOf("--campaign");
const campaignIds = campaignArg >= 0 ? [Number(args[campaignArg + 1])] : undefined;
if (campaignIds && !Number.isInteger(campaignIds[0])) {
  console.error("Usage: npm run recount -- [--rebuild] [--campaign <id>]");
  process.exit(2);
}

const raw = rawDb();
const started = performance.now();
const summary = await recountAll(sqlFor(raw), { rebuild, campaignIds });
for (const m of summary.mismatches) {
  console.log(`campaign ${m.campaignId}: ${m.differences.length} difference(s)${m.rebuilt ? ", rebuilt" : ""}`);
  for (const d of m.differences.slice(0, 20)) console.log(`  ${d}`);
  if (m.differences.length > 20) console.log(`  … and ${m.differences.length - 20} more`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${summary.campaigns} campaign(s) checked in ${seconds} s: ${summary.mismatches.length === 0 ? "counters and rollups equal a full recount" : `${summary.mismatches.length} differed${rebuild ? " and were rebuilt" : " (run with --rebuild to repair)"}`}.`);
await raw.close();
process.exit(summary.mismatches.length > 0 && !rebuild ? 1 : 0);
