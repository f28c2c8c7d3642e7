/** The contract shared by `writeChunk` and its dialect files (kept apart so they do not import each other). */
import { UserError } from "@/lib/errors";
import type { OptOutSource } from "./opt-out-sources";
import type { RejectedRow } from "./prepare-chunk";

export interface ChunkWrite {
  jobId: number;
  chunkIndex: number;
  /** The job's identity mark for contacts it touched (its createdAt). */
  stamp: Date;
  listId: number | null;
  userId: number | null;
  /** Non-blank records in the chunk (contacts + duplicates + rejected). */
  rowsRead: number;
  /** Repeats already dropped inside the chunk. */
  duplicates: number;
  /** Rows in `contacts`. */
  contactCount: number;
  /** ContactRows serialised for the target database, phones unique across them (see PreparedChunk). */
  contacts: string[];
  /** Rows in `contacts` that opt their number out. */
  optOuts: number;
  rejected: RejectedRow[];
}

export interface ChunkOutcome {
  /** False when this chunk had been applied before (a retry): nothing changed. */
  applied: boolean;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
}

/** The outcome of a chunk that had been applied before (a retry): nothing changed. */
export const NOT_APPLIED: ChunkOutcome = { applied: false, created: 0, updated: 0, duplicates: 0, rejected: 0 };

/** What the dialect writers learn about the job inside their transaction. */
export interface JobGate {
  status: string;
  chunksDone: number;
  /** The job's list now: deleting the list sets it to null (see ListMembership in schema.prisma). */
  listId: number | null;
}

/** A chunk that reached the database before the one ahead of it in the file (uploads run two at a time). */
export class ChunkAheadError extends UserError {
  constructor(chunkIndex: number, expected: number) {
    super(`Chunk ${chunkIndex} arrived before chunk ${expected}.`, 409);
  }
}

/**
 * Throws unless the chunk is the next one of a running job whose list still exists; returns false for a
 * chunk already applied. The caller holds the job row, which deleting the list must update: a list deleted
 * before shows here, one deleted after waits for the chunk and then deletes its memberships too.
 */
export function checkGate(gate: JobGate | undefined, { chunkIndex, listId }: Pick<ChunkWrite, "chunkIndex" | "listId">): boolean {
  if (!gate) throw new UserError("This import does not exist.", 404);
  if (chunkIndex < gate.chunksDone) return false;
  if (gate.status !== "running") throw new UserError(`This import is ${gate.status}; no more rows are accepted.`, 409);
  if (chunkIndex > gate.chunksDone) throw new ChunkAheadError(chunkIndex, gate.chunksDone);
  if (gate.listId !== listId) throw new UserError("The list this import adds contacts to was deleted; no more rows are accepted.", 409);
  return true;
}

export const OPT_OUT_SOURCE_IMPORT = "import" satisfies OptOutSource;
