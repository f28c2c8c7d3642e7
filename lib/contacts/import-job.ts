/**
 * The life of an import: start (custom fields, target list and job created together), chunks applied one
 * transaction each, then finished or canceled; the report reads the counters the chunks maintained, so it
 * says how far an interrupted import got.
 */
import { audit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/client";
import type { RawDb } from "@/lib/db/raw";
import { NotFoundError, UserError } from "@/lib/errors";
import { ChunkAheadError } from "./chunk-contract";
import { type ImportChunk, type StartImport, type StoredMapping, storedMappingSchema } from "./import.schema";
import { type ChunkPlan, type PreparedChunk, prepareChunk } from "./prepare-chunk";
import { type ChunkOutcome, type ChunkWrite, writeChunk } from "./write-chunk";

/** After this long without a chunk, a running import counts as interrupted (its tab or server went away). */
export const STALE_AFTER_MS = 2 * 60_000;

export interface ImportHandle {
  id: number;
  listId: number | null;
}

/** Creates the job with its new custom fields and list in one transaction; the job starts `running`. */
export async function startImport(db: Db, userId: number | null, input: StartImport): Promise<ImportHandle> {
  try {
    return await db.$transaction(async (tx) => {
      for (const field of input.newFields) {
        await tx.customField.upsert({ where: { key: field.key }, create: field, update: {} });
      }
      const keys = input.mapping.fields.map((f) => f.key);
      const known = await tx.customField.count({ where: { key: { in: keys } } });
      if (known !== new Set(keys).size) throw new UserError("A mapped custom field does not exist; create it in the mapping step.", 400);
      let listId: number | null = null;
      if (input.list.kind === "existing") {
        const list = await tx.contactList.findUnique({ where: { id: input.list.id }, select: { id: true } });
        if (!list) throw new NotFoundError("The list");
        listId = list.id;
      } else if (input.list.kind === "new") {
        listId = (await tx.contactList.create({ data: { name: input.list.name }, select: { id: true } })).id;
        await audit(tx, { action: "list.create", userId, targetType: "list", targetId: listId, details: { name: input.list.name } });
      }
      const mapping: StoredMapping = { hasHeader: input.hasHeader, header: input.header, columns: input.mapping, listId };
      const job = await tx.importJob.create({
        data: { fileName: input.fileName, status: "running", listId, defaultCountry: input.defaultCountry, mapping, createdById: userId },
        select: { id: true },
      });
      await audit(tx, { action: "import.start", userId, targetType: "import", targetId: job.id, details: { fileName: input.fileName, listId } });
      return { id: job.id, listId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("A list with this name already exists.", 409, { "list.name": "A list with this name already exists." });
    }
    throw error;
  }
}

/** What a chunk needs to know about its job; read once per chunk (or once per file by the bulk importer). */
export interface JobPlan {
  id: number;
  stamp: Date;
  listId: number | null;
  userId: number | null;
  defaultCountry: string | null;
  mapping: StoredMapping;
}

export async function loadJobPlan(db: Db, jobId: number): Promise<JobPlan> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError("The import");
  const mapping = storedMappingSchema.parse(job.mapping);
  return {
    id: job.id,
    stamp: job.createdAt,
    listId: mapping.listId === undefined ? job.listId : mapping.listId,
    userId: job.createdById,
    defaultCountry: job.defaultCountry,
    mapping,
  };
}

/** What preparing a chunk of this job needs, with its rows serialised for the database `dialect`. */
export function chunkPlanFor(plan: JobPlan, dialect: RawDb["dialect"]): ChunkPlan {
  return { mapping: plan.mapping.columns, defaultCountry: plan.defaultCountry, rowFormat: dialect === "sqlite" ? "json" : "pg-copy" };
}

export function prepareForJob(plan: JobPlan, dialect: RawDb["dialect"], chunk: Pick<ImportChunk, "rows" | "firstRowNumber" | "malformed">): PreparedChunk {
  return prepareChunk(chunk.rows, chunk.firstRowNumber, chunkPlanFor(plan, dialect), chunk.malformed);
}

/** What the chunk writers take: a prepared chunk with its job's identity. */
export function chunkWrite(plan: JobPlan, chunkIndex: number, prepared: PreparedChunk): ChunkWrite {
  return {
    jobId: plan.id,
    chunkIndex,
    stamp: plan.stamp,
    listId: plan.listId,
    userId: plan.userId,
    rowsRead: prepared.rowsRead,
    duplicates: prepared.duplicates,
    contactCount: prepared.contactCount,
    contacts: prepared.contacts,
    optOuts: prepared.optOuts,
    rejected: prepared.rejected,
  };
}

/** Writes an already prepared chunk (the bulk importer prepares in worker threads). */
export function commitPreparedChunk(raw: RawDb, plan: JobPlan, chunkIndex: number, prepared: PreparedChunk): Promise<ChunkOutcome> {
  return writeChunk(raw, chunkWrite(plan, chunkIndex, prepared));
}

/** How long an uploaded chunk that overtook the one before it waits for it before it is refused. */
export const WAIT_FOR_TURN_MS = 30_000;

/**
 * Validates, normalises and applies one uploaded chunk in one transaction. The browser uploads two chunks at
 * a time (it reads and sends the next chunk while this one is written), so a chunk may reach the
 * database before the one ahead of it: it waits its turn, up to `waitForTurnMs`, instead of being refused.
 */
export async function processImportChunk(db: Db, raw: RawDb, jobId: number, chunk: ImportChunk, waitForTurnMs = WAIT_FOR_TURN_MS): Promise<ChunkOutcome> {
  const plan = await loadJobPlan(db, jobId);
  const prepared = prepareForJob(plan, raw.dialect, chunk);
  const deadline = Date.now() + waitForTurnMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await commitPreparedChunk(raw, plan, chunk.chunkIndex, prepared);
    } catch (error) {
      if (!(error instanceof ChunkAheadError) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

async function endImport(db: Db, jobId: number, userId: number | null, status: "completed" | "canceled" | "failed", error?: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, status: { in: ["pending", "running"] } },
      data: { status, finishedAt: new Date(), error: error ?? null },
    });
    if (count === 0) {
      const job = await tx.importJob.findUnique({ where: { id: jobId }, select: { status: true } });
      if (!job) throw new NotFoundError("The import");
      if (job.status === status) return; // a repeated click: already done
      throw new UserError(`This import is already ${job.status}.`, 409);
    }
    await audit(tx, { action: `import.${status === "completed" ? "finish" : status === "canceled" ? "cancel" : "fail"}`, userId, targetType: "import", targetId: jobId });
  });
}

export const finishImport = (db: Db, jobId: number, userId: number | null) => endImport(db, jobId, userId, "completed");
/** Stops accepting chunks; chunks already committed stay imported (the report says how many rows). */
export const cancelImport = (db: Db, jobId: number, userId: number | null) => endImport(db, jobId, userId, "canceled");
export const failImport = (db: Db, jobId: number, userId: number | null, error: string) => endImport(db, jobId, userId, "failed", error);

export interface ImportReport {
  id: number;
  fileName: string;
  status: "pending" | "running" | "completed" | "failed" | "canceled";
  /** Running, but no chunk for STALE_AFTER_MS: the upload stopped (tab closed, server restarted). */
  interrupted: boolean;
  listId: number | null;
  listName: string | null;
  rowsRead: number;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  chunksDone: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  lastActivityAt: Date;
  /** Rejection reasons with how many rows each, most frequent first. */
  reasons: { reason: string; count: number }[];
}

export async function getImportReport(db: Db, jobId: number, now = new Date()): Promise<ImportReport> {
  const job = await db.importJob.findUnique({ where: { id: jobId }, include: { list: { select: { name: true } } } });
  if (!job) throw new NotFoundError("The import");
  const reasons = await db.importRejectedRow.groupBy({
    by: ["reason"],
    where: { importJobId: jobId },
    _count: { _all: true },
    orderBy: { _count: { reason: "desc" } },
    take: 20,
  });
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    interrupted: job.status === "running" && now.getTime() - job.updatedAt.getTime() > STALE_AFTER_MS,
    listId: job.listId,
    listName: job.list?.name ?? null,
    rowsRead: job.rowsRead,
    created: job.createdCount,
    updated: job.updatedCount,
    duplicates: job.duplicateCount,
    rejected: job.rejectedCount,
    chunksDone: job.chunksDone,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    lastActivityAt: job.updatedAt,
    reasons: reasons.map((r) => ({ reason: r.reason, count: r._count._all })),
  };
}

export function listImports(db: Db, take = 20) {
  return db.importJob.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, fileName: true, status: true, rowsRead: true, createdCount: true, updatedCount: true, rejectedCount: true, duplicateCount: true, createdAt: true, updatedAt: true },
  });
}
