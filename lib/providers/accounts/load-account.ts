/**
 * From a stored account to a working adapter: decrypt the credentials, parse them and the options with the
 * vendor's schemas, and build the adapter (fresh for every use, as the contract asks).
 */
import type { Db, ProviderAccountModel as ProviderAccount } from "@/lib/db/client";
import { config } from "@/lib/env";
import { NotFoundError, UserError } from "@/lib/errors";
import { getProvider, type AnyProviderDefinition } from "../registry";
import type { AccountSettings, ProviderAdapter } from "../types";
import { decryptCredentials } from "./credentials";

/** The fields of an account that building its adapter needs. */
export type AccountForAdapter = Pick<
  ProviderAccount,
  "id" | "vendor" | "name" | "credentialsEncrypted" | "options" | "baseUrl" | "defaultSender" | "timeoutMs" | "batchSize"
>;

/** An account whose stored settings no longer pass its vendor's schemas (e.g. a required field was added). */
export class AccountSettingsError extends UserError {}

export async function getAccountOrThrow(db: Db, accountId: number): Promise<ProviderAccount> {
  const account = await db.providerAccount.findUnique({ where: { id: accountId } });
  if (!account) throw new NotFoundError("The provider account");
  return account;
}

/**
 * The account's decrypted and validated settings with its vendor's definition. Throws DecryptionError when
 * APP_ENCRYPTION_KEY is not the key the credentials were stored with, AccountSettingsError when they no
 * longer fit the vendor's schemas (the message names fields, never values).
 */
export function settingsForAccount(
  account: AccountForAdapter,
  key: Buffer = config().encryptionKey,
): { definition: AnyProviderDefinition; settings: AccountSettings<unknown, unknown> } {
  const definition = getProvider(account.vendor);
  const credentials = definition.credentialsSchema.safeParse(decryptCredentials(account.credentialsEncrypted, key));
  const options = definition.optionsSchema.safeParse(account.options ?? {});
  const problems = [
    ...(credentials.success ? [] : credentials.error.issues.map((i) => `credential ${i.path.join(".") || "(all)"}: ${i.message}`)),
    ...(options.success ? [] : options.error.issues.map((i) => `option ${i.path.join(".") || "(all)"}: ${i.message}`)),
  ];
  if (!credentials.success || !options.success) {
    throw new AccountSettingsError(`The settings of provider account "${account.name}" are no longer valid (${problems.join("; ")}). Edit the account to fix them.`, 409);
  }
  return {
    definition,
    settings: {
      baseUrl: account.baseUrl,
      credentials: credentials.data,
      options: options.data,
      defaultSender: account.defaultSender ?? undefined,
      timeoutMs: account.timeoutMs,
      batchSize: account.batchSize,
    },
  };
}

/** Builds the adapter of a stored account; see `settingsForAccount` for what it throws. */
export function adapterForAccount(account: AccountForAdapter, key: Buffer = config().encryptionKey): ProviderAdapter {
  const { definition, settings } = settingsForAccount(account, key);
  return definition.create(settings);
}
