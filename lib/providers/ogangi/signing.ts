/**
 * OGANGI's request signing (NOTES.md, "ogangi.md signatures and replies"): every call is
 * `<base>/rest/api/<method>/<params…>/<publicKey>/<signature>`, where the signature is the lowercase hex
 * HMAC-SHA256, keyed with the private key, of the parameters between the method name and the public key,
 * joined by `/` exactly as they appear in the URL (so after Base64 and percent-encoding).
 */
import { createHmac } from "node:crypto";
import type { OgangiSettings } from "./settings";

/** The `=` that pad unpadded Base64 by its length modulo 4 (a remainder of 1 never occurs). */
const PADDING = ["", "", "==", "="];

/**
 * Where base64UrlPadded writes a text's UTF-8 bytes: one buffer rather than a new Buffer per call, which
 * takes a slice of Node's shared pool and makes it allocate a new pool every few hundred messages. Safe to
 * share: it is filled and read in the same synchronous call. Texts too long for it (over 1,365 characters,
 * far beyond an SMS) get a Buffer of their own.
 */
const utf8Scratch = Buffer.allocUnsafe(4096);

/** URL-safe Base64 with `=` padding kept (Java's `Base64.getUrlEncoder()`; Node's `base64url` drops it). */
export function base64UrlPadded(text: string): string {
  // a UTF-16 code unit never takes more than 3 bytes of UTF-8
  const unpadded =
    3 * text.length <= utf8Scratch.length
      ? utf8Scratch.toString("base64url", 0, utf8Scratch.write(text, "utf8"))
      : Buffer.from(text, "utf8").toString("base64url");
  return unpadded + PADDING[unpadded.length % 4];
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

/** Builds signed URLs for one account; the fixed parts and the key are prepared once. */
export interface OgangiSigner {
  /** The full signed URL of `method` (e.g. `tools/sendSMS`) with `segments` already encoded as they must appear. */
  url(method: string, segments: readonly string[]): string;
}

/** A signer for `settings`. The instance id is always the first signed parameter. */
export function ogangiSigner(settings: OgangiSettings): OgangiSigner {
  const { instanceId, publicKey, privateKey } = settings.credentials;
  const base = `${settings.baseUrl.replace(/\/+$/, "")}/rest/api/`;
  const instance = pathSegment(instanceId);
  const key = pathSegment(publicKey);
  const secret = Buffer.from(privateKey, "utf8");
  return {
    url(method, segments) {
      const signedPart = `${instance}/${segments.join("/")}`;
      const signature = createHmac("sha256", secret).update(signedPart, "utf8").digest("hex");
      return `${base}${method}/${signedPart}/${key}/${signature}`;
    },
  };
}
