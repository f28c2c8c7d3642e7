/**
 * `npm run cli -- <command>`: send and follow messages from a terminal with the same library code as the
 * app and the API (not HTTP to itself), on the configured database. Changes are audited without a user.
 */
import { UserError } from "@/lib/errors";
import { CAMPAIGN_USAGE, campaignCommand } from "./cli/campaign";
import { PROVIDER_USAGE, providerCommand } from "./cli/provider";
import { SEND_USAGE, sendCommand } from "./cli/send";
import { type CliContext, openContext, printFieldErrors, UsageError } from "./cli/shared";

const COMMANDS: Record<string, (ctx: CliContext, args: string[]) => Promise<number>> = {
  send: sendCommand,
  campaign: campaignCommand,
  provider: providerCommand,
};

const HELP = `Usage: npm run cli -- <command>\n\n  ${[SEND_USAGE, ...CAMPAIGN_USAGE, ...PROVIDER_USAGE].join("\n  ")}\n`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log(HELP);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const ctx = await openContext();
  try {
    return await command(ctx, args);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof UserError) {
      console.error(error.message);
      printFieldErrors(error.fieldErrors);
      return 1;
    }
    throw error;
  } finally {
    await ctx.db.$disconnect();
    await ctx.raw.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
