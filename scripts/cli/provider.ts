/** `cli provider add|test|list`: provider accounts through the same functions as the providers page. */
import { parseArgs } from "node:util";
import { getAccountDetails, listAccounts } from "@/lib/providers/accounts/account-view";
import { accountFormSchema, VENDORS } from "@/lib/providers/accounts/account.schema";
import { createAccount } from "@/lib/providers/accounts/save-account";
import { testConnection } from "@/lib/providers/accounts/test-connection";
import { getProvider } from "@/lib/providers/registry";
import { type CliContext, optionalNumber, pairs, requiredNumber, UsageError } from "./shared";

export const PROVIDER_USAGE = [
  `provider add --vendor <${VENDORS.join("|")}> --name <name> --base-url <url> [--credential name=value|name=env:VAR]... [--option name=value]... [--sender <id>] [--rate <msg/s>] [--batch <n>]`,
  `provider test <id>`,
  `provider list`,
];

/** Option values arrive as text; numbers and booleans are turned back into JSON values when they parse as such. */
function typedOptions(raw: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, /^(true|false|-?\d+(\.\d+)?)$/.test(v) ? JSON.parse(v) : v]));
}

async function add(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: "string" },
      name: { type: "string" },
      "base-url": { type: "string" },
      credential: { type: "string", multiple: true },
      option: { type: "string", multiple: true },
      sender: { type: "string" },
      rate: { type: "string" },
      batch: { type: "string" },
    },
  });
  if (!values.vendor || !values.name || !values["base-url"]) throw new UsageError(`Usage: ${PROVIDER_USAGE[0]}`);
  const parsed = accountFormSchema.safeParse({
    vendor: values.vendor,
    name: values.name,
    baseUrl: values["base-url"],
    defaultSender: values.sender ?? "",
    rateLimitPerSecond: optionalNumber(values.rate, "--rate") ?? 10,
    batchSize: optionalNumber(values.batch, "--batch") ?? Math.min(100, VENDORS.includes(values.vendor as never) ? getProvider(values.vendor as (typeof VENDORS)[number]).capabilities.maxBatchSize : 1),
    timeoutMs: 15_000,
    pricePerSegment: "0",
    currency: "USD",
    credentials: pairs(values.credential, "--credential", process.env),
    options: typedOptions(pairs(values.option, "--option", process.env)),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  const { id } = await createAccount(ctx.db, null, parsed.data, ctx.encryptionKey);
  const details = await getAccountDetails(ctx.db, id, ctx.encryptionKey, ctx.appUrl);
  console.log(`Provider account ${id} "${details.name}" (${details.vendorLabel}) added. Webhook URLs for the vendor's portal:`);
  for (const [kind, url] of Object.entries(details.webhookUrls)) console.log(`  ${kind}: ${url}`);
  console.log(`Test it with: npm run cli -- provider test ${id}`);
  return 0;
}

async function test(ctx: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const check = await testConnection(ctx.db, requiredNumber(positionals[0], "the account id"), ctx.encryptionKey);
  console.log(`${check.ok ? "OK" : "FAILED"}: ${check.message}`);
  return check.ok ? 0 : 1;
}

async function list(ctx: CliContext): Promise<number> {
  for (const a of await listAccounts(ctx.db)) console.log(`${a.id}\t${a.enabled ? "enabled " : "disabled"}\t${a.vendorLabel}\t${a.name}\t${a.baseUrl}`);
  return 0;
}

export async function providerCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "add") return add(ctx, rest);
  if (sub === "test") return test(ctx, rest);
  if (sub === "list") return list(ctx);
  throw new UsageError(`Usage:\n  ${PROVIDER_USAGE.join("\n  ")}`);
}
