/**
 * Reading the audit log: newest first, filtered by action, user and days (in the reader's timezone),
 * paged by id so that any page costs the same. Used by the admin page and its CSV export.
 */
import { z } from "zod";
import type { Db, Prisma } from "@/lib/db/client";
import { addDays, startOfLocalDay } from "@/lib/stats/period";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditFilterSchema = z.object({
  /** An exact action (`campaign.launch`) or a family (`campaign.`). */
  action: z.string().trim().max(60).regex(/^[a-z_.]*$/).optional().catch(undefined),
  userId: z.coerce.number().int().positive().optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  /** The last id of the previous page (pages go towards older entries). */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: number;
  createdAt: Date;
  action: string;
  actor: string;
  targetType: string | null;
  targetId: string | null;
  details: string;
  ip: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

function whereOf(filter: AuditFilter, timeZone: string): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.action) where.action = filter.action.endsWith(".") ? { startsWith: filter.action } : filter.action;
  if (filter.userId) where.userId = filter.userId;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from && { gte: startOfLocalDay(filter.from, timeZone) }),
      ...(filter.to && { lt: startOfLocalDay(addDays(filter.to, 1), timeZone) }),
    };
  }
  if (filter.before) where.id = { lt: filter.before };
  return where;
}

export async function listAuditLog(db: Db, filter: AuditFilter, timeZone: string, limit = AUDIT_PAGE_SIZE): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const entries = await db.auditLog.findMany({
    where: whereOf(filter, timeZone),
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { user: { select: { email: true } }, apiKey: { select: { name: true, prefix: true } } },
  });
  const rows = entries.slice(0, limit).map((e) => ({
    id: e.id,
    createdAt: e.createdAt,
    action: e.action,
    actor: e.user?.email ?? (e.apiKey ? `API key ${e.apiKey.name} (${e.apiKey.prefix}…)` : e.userId || e.apiKeyId ? "deleted" : "system"),
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details === null ? "" : JSON.stringify(e.details),
    ip: e.ip,
  }));
  return { rows, nextBefore: entries.length > limit ? rows[rows.length - 1].id : null };
}

/** Every matching entry, page by page, for the export. */
export async function* allAuditLog(db: Db, filter: Omit<AuditFilter, "before">, timeZone: string): AsyncGenerator<AuditRow[]> {
  let before: number | undefined;
  for (;;) {
    const { rows, nextBefore } = await listAuditLog(db, { ...filter, before }, timeZone, 5000);
    if (rows.length > 0) yield rows;
    if (nextBefore === null) return;
    before = nextBefore;
  }
}

/** The actions recorded so far, for the filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
