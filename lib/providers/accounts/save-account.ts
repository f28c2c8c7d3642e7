/** Creating and editing provider accounts; each change is audited in its transaction, without secret values. */
import { type Actor, actorFields, audit } from "@/lib/audit/audit";
import { randomToken } from "@/lib/crypto/token";
import { type Db, Prisma } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import type { AccountFormValues } from "./account.schema";
import { decryptCredentials, encryptCredentials } from "./credentials";
import { getAccountOrThrow } from "./load-account";
import { validateAccount } from "./validate-account";

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && String(error.meta?.target ?? "name").includes("name");
}

const NAME_TAKEN = new UserError("Another account already has this name.", 409, { name: "Another account already has this name." });

/** Creates an account with a fresh webhook token; returns its id. */
export async function createAccount(db: Db, actor: Actor, input: AccountFormValues, key: Buffer): Promise<{ id: number }> {
  const valid = validateAccount(input);
  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.providerAccount.create({
        data: {
          ...valid.fields,
          credentialsEncrypted: encryptCredentials(valid.credentials, key),
          options: valid.options as Prisma.InputJsonValue,
          webhookToken: randomToken(),
        },
        select: { id: true },
      });
      await audit(tx, {
        action: "provider.create",
        ...actorFields(actor),
        targetType: "provider_account",
        targetId: account.id,
        details: { vendor: valid.fields.vendor, name: valid.fields.name, baseUrl: valid.fields.baseUrl, credentialFields: valid.changedCredentials },
      });
      return account;
    });
  } catch (error) {
    if (nameTaken(error)) throw NAME_TAKEN;
    throw error;
  }
}

/** Edits an account; empty credential fields keep their stored values. The vendor cannot change. */
export async function updateAccount(db: Db, actor: Actor, accountId: number, input: AccountFormValues, key: Buffer): Promise<{ id: number }> {
  const current = await getAccountOrThrow(db, accountId);
  if (current.vendor !== input.vendor) throw new UserError("An account's gateway cannot change; create a new account instead.", 400);
  // A wrong APP_ENCRYPTION_KEY fails here, loudly, rather than silently replacing what was stored.
  const valid = validateAccount(input, decryptCredentials(current.credentialsEncrypted, key));
  const changed: string[] = [];
  for (const field of Object.keys(valid.fields) as (keyof typeof valid.fields)[]) {
    const same =
      field === "pricePerSegment" ? new Prisma.Decimal(valid.fields.pricePerSegment).equals(current.pricePerSegment) : current[field] === valid.fields[field];
    if (!same) changed.push(field);
  }
  if (canonicalJson(current.options) !== canonicalJson(valid.options)) changed.push("options");
  try {
    return await db.$transaction(async (tx) => {
      await tx.providerAccount.update({
        where: { id: accountId },
        data: { ...valid.fields, credentialsEncrypted: encryptCredentials(valid.credentials, key), options: valid.options as Prisma.InputJsonValue },
      });
      await audit(tx, {
        action: "provider.update",
        ...actorFields(actor),
        targetType: "provider_account",
        targetId: accountId,
        details: { changed, credentialsChanged: valid.changedCredentials },
      });
      return { id: accountId };
    });
  } catch (error) {
    if (nameTaken(error)) throw NAME_TAKEN;
    throw error;
  }
}
