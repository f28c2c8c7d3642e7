/**
 * The audit log: who did what. Written in the same transaction as the change it records (STYLE.md 11);
 * details never hold secret values.
 */
import type { Db, Prisma } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";

type Tx = Pick<Db, "auditLog">;

/** Who made a change: a signed-in user (a bare id, or null for the system) or an API key. */
export type Actor = number | null | { userId?: number | null; apiKeyId?: number | null };

/** The audit columns for `actor`. */
export function actorFields(actor: Actor): { userId: number | null; apiKeyId: number | null } {
  return typeof actor === "object" && actor !== null ? { userId: actor.userId ?? null, apiKeyId: actor.apiKeyId ?? null } : { userId: actor, apiKeyId: null };
}

export interface AuditEntry {
  action: string;
  userId?: number | null;
  apiKeyId?: number | null;
  targetType?: string;
  targetId?: string | number;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** The row's columns but `details` and `createdAt`, which each writer stores its own way. */
function auditColumns(entry: AuditEntry) {
  return {
    action: entry.action,
    userId: entry.userId ?? null,
    apiKeyId: entry.apiKeyId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    ip: entry.ip ?? null,
  };
}

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...auditColumns(entry), details: entry.details } });
}

/** `audit` for changes made in a transaction of the raw SQL executor (bulk and delivery paths). */
export async function auditSql(tx: Sql, entry: AuditEntry, now: Date): Promise<void> {
  const c = auditColumns(entry);
  await tx.run(
    `INSERT INTO "AuditLog" ("userId", "apiKeyId", "action", "targetType", "targetId", "details", "ip", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.userId, c.apiKeyId, c.action, c.targetType, c.targetId, entry.details === undefined ? null : JSON.stringify(entry.details), c.ip, now],
  );
}
