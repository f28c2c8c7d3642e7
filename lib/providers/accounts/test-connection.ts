/** "Test connection": the adapter's own harmless check, with every failure turned into an answer for the admin. */
import type { Db } from "@/lib/db/client";
import { DecryptionError } from "@/lib/crypto/secret-box";
import { UserError } from "@/lib/errors";
import type { ConnectionCheck } from "../types";
import { decryptCredentials, maskCredentials } from "./credentials";
import { adapterForAccount, getAccountOrThrow } from "./load-account";

/** Extra time past the account's own timeout before we stop waiting for the adapter. */
const TEST_SLACK_MS = 5_000;

/** Runs the account adapter's `testConnection`; never throws for a gateway problem, only for a missing account. */
export async function testConnection(db: Db, accountId: number, key: Buffer): Promise<ConnectionCheck> {
  const account = await getAccountOrThrow(db, accountId);
  let check: ConnectionCheck;
  try {
    check = await adapterForAccount(account, key).testConnection(AbortSignal.timeout(account.timeoutMs + TEST_SLACK_MS));
  } catch (error) {
    if (error instanceof DecryptionError || error instanceof UserError) return { ok: false, message: error.message };
    console.error(`[providers] test connection of account ${accountId} failed`, error);
    return { ok: false, message: "The adapter failed unexpectedly; the server log has the details." };
  }
  // Adapters redact their own messages; this is a second line in case one quotes a credential.
  return { ok: check.ok, message: maskCredentials(check.message, decryptCredentials(account.credentialsEncrypted, key)) };
}
