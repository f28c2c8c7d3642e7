/**
 * Who is calling the API: the `Authorization: Bearer <key>` header checked against the stored hashes.
 * A revoked key, or one whose creator was deactivated, is refused at once; `lastUsedAt` is refreshed at
 * most once a minute so that reads do not each cost a write.
 */
import type { Db } from "@/lib/db/client";
import { ApiProblem } from "@/lib/api/problems";
import type { ApiScopeName } from "./api-key.schema";
import { hashApiKey, scopeAllows } from "./key-format";

export interface ApiPrincipal {
  keyId: number;
  scope: ApiScopeName;
}

const LAST_USED_EVERY_MS = 60_000;

export async function authenticateApiKey(db: Db, authorization: string | null, now = new Date()): Promise<ApiPrincipal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new ApiProblem("unauthenticated", "This request carries no API key. Send it as `Authorization: Bearer <key>`.");
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(match[1]) },
    select: { id: true, scope: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { active: true } } },
  });
  if (!key) throw new ApiProblem("invalid-api-key", "This API key is not valid.");
  if (key.revokedAt) throw new ApiProblem("revoked-api-key", "This API key was revoked.");
  // A key acts for the admin who created it: when that admin is deactivated, so are their keys.
  if (key.createdBy && !key.createdBy.active) throw new ApiProblem("invalid-api-key", "The admin who created this key was deactivated.");
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { keyId: key.id, scope: key.scope };
}

export function requireScope(principal: ApiPrincipal, needed: ApiScopeName): void {
  if (!scopeAllows(principal.scope, needed)) {
    throw new ApiProblem("insufficient-scope", `This operation needs a key with the "${needed}" scope; this key has "${principal.scope}".`);
  }
}
