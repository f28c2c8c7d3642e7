/** Creating, listing and revoking API keys; each change is audited in its transaction, never with the key. */
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";
import { createApiKeySchema, type CreateApiKeyInput } from "./api-key.schema";
import { generateApiKey } from "./key-format";

export interface CreatedApiKey {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  /** The whole key: returned this once and never stored. */
  key: string;
}

export async function createApiKey(db: Db, actorId: number | null, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { name, scope } = createApiKeySchema.parse(input);
  const { key, prefix, keyHash } = generateApiKey();
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({ data: { name, scope, prefix, keyHash, createdById: actorId }, select: { id: true } });
    await audit(tx, { action: "api_key.create", userId: actorId, targetType: "api_key", targetId: row.id, details: { name, scope, prefix } });
    return { id: row.id, name, prefix, scope, key };
  });
}

/** Revokes a key at once: its next request is refused. Revoking twice is refused, so the log stays truthful. */
export async function revokeApiKey(db: Db, actorId: number | null, keyId: number, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) {
      const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { id: true } });
      if (!key) throw new NotFoundError("The API key");
      throw new UserError("This key is already revoked.", 409);
    }
    await audit(tx, { action: "api_key.revoke", userId: actorId, targetType: "api_key", targetId: keyId });
  });
}

/** Every key, newest first, without its hash. */
export function listApiKeys(db: Db) {
  return db.apiKey.findMany({
    orderBy: { id: "desc" },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true } } },
  });
}
