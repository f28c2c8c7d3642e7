/**
 * Safe retries for POST requests carrying an `Idempotency-Key`. The record is inserted before the work
 * starts, under a unique (apiKeyId, key): of two concurrent requests with one key, exactly one inserts it
 * and runs; the other sees the record. A finished record replays its stored answer for 24 hours; a record
 * still without an answer means the first request is running (or its process died mid-way: then we
 * cannot know what it did, so the key stays blocked until it expires rather than risk a second send).
 */
import { createHash } from "node:crypto";
import { type Db, Prisma } from "@/lib/db/client";
import { ApiProblem } from "./problems";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type IdempotencyStart = { kind: "run"; recordId: number } | { kind: "replay"; status: number; body: string };

/** The request's fingerprint: method, path and body (JSON with sorted keys, so formatting does not count). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const canonical = JSON.stringify(body ?? null, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
  return createHash("sha256").update(`${method} ${path}\n${canonical}`).digest("hex");
}

export function assertValidIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new ApiProblem("invalid-idempotency-key", "The Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces.");
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Claims `key` for this request, or returns the answer of the request that claimed it first. */
export async function startIdempotent(db: Db, apiKeyId: number, key: string, fingerprint: string, now = new Date()): Promise<IdempotencyStart> {
  assertValidIdempotencyKey(key);
  await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const record = await db.idempotencyRecord.create({
        data: { apiKeyId, key, requestHash: fingerprint, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
        select: { id: true },
      });
      return { kind: "run", recordId: record.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!existing) continue; // it expired and was purged between our insert and this read: claim it again
    if (existing.requestHash !== fingerprint) {
      throw new ApiProblem("idempotency-key-reused", "This Idempotency-Key was already used for a different request (another method, path or body).");
    }
    if (existing.responseStatus === null || existing.responseBody === null) {
      throw new ApiProblem("idempotency-request-in-progress", "A request with this Idempotency-Key is still being processed.", { retryAfterSeconds: 1 });
    }
    return { kind: "replay", status: existing.responseStatus, body: existing.responseBody };
  }
  throw new ApiProblem("idempotency-request-in-progress", "A request with this Idempotency-Key is being processed.", { retryAfterSeconds: 1 });
}

/** Stores the answer that repeats of this request will get. */
export async function finishIdempotent(db: Db, recordId: number, status: number, body: string): Promise<void> {
  await db.idempotencyRecord.update({ where: { id: recordId }, data: { responseStatus: status, responseBody: body } });
}
