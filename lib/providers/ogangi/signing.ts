/**
 * OGANGI's request signing (NOTES.md, "ogangi.md signatures and replies"): every call is
 * `<base>/rest/api/<method>/<params…>/<publicKey>/<signature>`, where the signature is the lowercase hex
 * HMAC-SHA256, keyed with the private key, of the parameters between the method name and the public key,
 * joined by `/` exactly as they appear in the URL (so after Base64 and percent-encoding).
 */
import { createHmac } from "node:crypto";
import type { OgangiSettings } from "./settings";

/** URL-safe Base64 with `=` padding kept (Java's `Base64.getUrlEncoder()`; Node's `base64url` drops it). */
export function base64UrlPadded(text: string): string {
  return Buffer.from(text, "utf8").toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

/** Decodes URL-safe Base64 (padding optional, as Java's decoder); undefined for any other alphabet. */
export function decodeBase64Url(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value) || value.replace(/=+$/, "").length % 4 === 1) return undefined;
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}

/** A plain parameter as a path segment (percent-encoded; Base64 values are already path-safe). */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

/** The signature of `signedPart` (the parameters joined by `/`). */
export function signParameters(signedPart: string, privateKey: string): string {
  return createHmac("sha256", Buffer.from(privateKey, "utf8")).update(signedPart, "utf8").digest("hex");
}

/**
 * The full signed URL of `method` (e.g. `tools/sendSMS`) with `segments` already encoded as they must
 * appear. The instance id is always the first parameter.
 */
export function signedUrl(settings: OgangiSettings, method: string, segments: readonly string[]): string {
  const { instanceId, publicKey, privateKey } = settings.credentials;
  const signedPart = [pathSegment(instanceId), ...segments].join("/");
  return `${apiBase(settings)}/${method}/${signedPart}/${pathSegment(publicKey)}/${signParameters(signedPart, privateKey)}`;
}

/** `<base>/rest/api`, whatever the stored base URL ends with. */
export function apiBase(settings: OgangiSettings): string {
  return `${settings.baseUrl.replace(/\/+$/, "")}/rest/api`;
}
