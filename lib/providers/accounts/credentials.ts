/**
 * Credentials at rest: a JSON object encrypted with AES-256-GCM under APP_ENCRYPTION_KEY. Decryption with
 * the wrong key throws a DecryptionError (never garbage). Nothing here logs or returns a secret value.
 */
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

export type StoredCredentials = Record<string, unknown>;

export function encryptCredentials(credentials: StoredCredentials, key: Buffer): string {
  return encryptSecret(JSON.stringify(credentials), key);
}

/** Decrypts stored credentials; throws DecryptionError for a wrong key or a damaged value. */
export function decryptCredentials(stored: string, key: Buffer): StoredCredentials {
  const value: unknown = JSON.parse(decryptSecret(stored, key));
  return value && typeof value === "object" && !Array.isArray(value) ? (value as StoredCredentials) : {};
}

/**
 * The credentials an edit results in: each non-empty input replaces the stored value, an empty one keeps
 * it (the form never receives stored values, so "empty" means "unchanged"). Returns the names changed.
 */
export function mergeCredentials(stored: StoredCredentials, input: Record<string, string>): { merged: StoredCredentials; changed: string[] } {
  const merged: StoredCredentials = { ...stored };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === "") continue;
    if (merged[name] !== value) changed.push(name);
    merged[name] = value;
  }
  return { merged, changed };
}

/** Whether each credential field has a stored value: all a page may know about them. */
export function credentialFieldsSet(stored: StoredCredentials, names: string[]): Record<string, boolean> {
  return Object.fromEntries(names.map((name) => [name, stored[name] !== undefined && stored[name] !== ""]));
}

/** Replaces any stored credential value found in `text` (an adapter's message) with a mask. */
export function maskCredentials(text: string, credentials: StoredCredentials): string {
  let masked = text;
  for (const value of Object.values(credentials)) {
    if (typeof value === "string" && value.length >= 4) masked = masked.split(value).join("••••");
  }
  return masked;
}
