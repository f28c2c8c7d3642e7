/**
 * What an API key looks like and how it is stored: a random secret shown once, its SHA-256 kept for lookup
 * (a key has 256 bits of entropy, so a fast hash is enough: there is nothing to guess), and a short prefix
 * kept in clear so people can tell their keys apart.
 */
import { createHash } from "node:crypto";
import { randomToken } from "@/lib/crypto/token";
import type { ApiScopeName } from "./api-key.schema";

/** Marks the string as this product's key, so secret scanners and people recognise it. */
export const KEY_MARK = "smk_";
/** Characters of the key shown in lists: the mark and 8 random characters. */
export const PREFIX_LENGTH = KEY_MARK.length + 8;

const SCOPE_RANK: Record<ApiScopeName, number> = { read: 0, send: 1, admin: 2 };

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${KEY_MARK}${randomToken(32)}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether a key with scope `held` may do what needs `needed` (read ⊂ send ⊂ admin). */
export function scopeAllows(held: ApiScopeName, needed: ApiScopeName): boolean {
  return SCOPE_RANK[held] >= SCOPE_RANK[needed];
}
