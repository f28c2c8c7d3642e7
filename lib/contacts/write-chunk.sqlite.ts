/**
 * SQLite side of `writeChunk`: set-based statements over the chunk's JSON rows (json_each), inside one
 * IMMEDIATE transaction taken under the process's SQLite lock, so a chunk costs a handful of statements
 * whatever its size and nothing else in this process runs between them.
 *
 * Contact ids are AUTOINCREMENT and we hold the write lock, so the contacts this chunk creates are exactly
 * those with an id above the largest one before it: their count, opt-out events and list memberships come
 * from that id range instead of a second lookup by phone.
 */
import type Database from "better-sqlite3";
import { sqliteTimestamp } from "@/lib/db/raw";
import { sqliteLock } from "@/lib/db/sqlite-lock";
import { type ChunkOutcome, type ChunkWrite, checkGate, type JobGate, NOT_APPLIED, OPT_OUT_SOURCE_IMPORT } from "./chunk-contract";

/** The chunk's ContactRow JSON as columns. */
const INPUT = `SELECT value->>0 AS phone, value->>1 AS firstName, value->>2 AS lastName,
  coalesce(nullif(value->'$[3]', 'null'), '{}') AS fields, value->>4 AS country, value->>5 AS optOut FROM json_each(@contacts)`;

function statements(db: Database.Database) {
  return {
    gate: db.prepare<[number], JobGate>(`SELECT status, chunksDone, listId FROM ImportJob WHERE id = ?`),
    lastId: db.prepare<[], number>(`SELECT coalesce(max(id), 0) FROM Contact`).pluck(),
    // Existing contacts this chunk opts out, recorded before the upsert changes what "already opted out" means.
    optOutExisting: db.prepare(
      `INSERT INTO OptOutEvent (contactId, optedOut, source, detail, userId, createdAt)
       SELECT c.id, 1, '${OPT_OUT_SOURCE_IMPORT}', @detail, @userId, @now FROM (${INPUT}) AS r JOIN Contact c ON c.phone = r.phone
       WHERE r.optOut = 1 AND c.optedOut = 0 AND c.updatedAt <> @stamp`,
    ),
    // In phone order, so the inserts walk the phone index once instead of jumping around it. A contact this
    // job already touched (updatedAt = stamp) is a repeat from an earlier chunk: left alone.
    upsert: db.prepare(
      `INSERT INTO Contact AS c (phone, firstName, lastName, fields, country, optedOut, optedOutAt, optOutSource, source, createdAt, updatedAt)
       SELECT phone, firstName, lastName, fields, country, optOut, CASE WHEN optOut = 1 THEN @now END,
              CASE WHEN optOut = 1 THEN '${OPT_OUT_SOURCE_IMPORT}' END, 'import', @stamp, @stamp FROM (${INPUT}) ORDER BY phone
       ON CONFLICT (phone) DO UPDATE SET
         firstName = coalesce(excluded.firstName, c.firstName),
         lastName = coalesce(excluded.lastName, c.lastName),
         fields = CASE WHEN excluded.fields = '{}' THEN c.fields ELSE json_patch(c.fields, excluded.fields) END,
         country = excluded.country,
         optedOut = max(c.optedOut, excluded.optedOut),
         optedOutAt = CASE WHEN excluded.optedOut = 1 AND c.optedOut = 0 THEN excluded.optedOutAt ELSE c.optedOutAt END,
         optOutSource = CASE WHEN excluded.optedOut = 1 AND c.optedOut = 0 THEN excluded.optOutSource ELSE c.optOutSource END,
         updatedAt = excluded.updatedAt
       WHERE c.updatedAt <> excluded.updatedAt`,
    ),
    countCreated: db.prepare<[number], number>(`SELECT count(*) FROM Contact WHERE id > ?`).pluck(),
    optOutCreated: db.prepare(
      `INSERT INTO OptOutEvent (contactId, optedOut, source, detail, userId, createdAt)
       SELECT id, 1, '${OPT_OUT_SOURCE_IMPORT}', @detail, @userId, @now FROM Contact WHERE id > @lastId AND optedOut = 1`,
    ),
    memberCreated: db.prepare(`INSERT OR IGNORE INTO ListMembership (listId, contactId, addedAt) SELECT @listId, id, @now FROM Contact WHERE id > @lastId`),
    memberUpdated: db.prepare(
      `INSERT OR IGNORE INTO ListMembership (listId, contactId, addedAt)
       SELECT @listId, c.id, @now FROM (${INPUT}) AS r JOIN Contact c ON c.phone = r.phone WHERE c.id <= @lastId AND c.updatedAt = @stamp`,
    ),
    reject: db.prepare(`INSERT INTO ImportRejectedRow (importJobId, rowNumber, raw, reason) VALUES (?, ?, ?, ?)`),
    counters: db.prepare(
      `UPDATE ImportJob SET rowsRead = rowsRead + @rowsRead, createdCount = createdCount + @created,
         updatedCount = updatedCount + @updated, duplicateCount = duplicateCount + @duplicates,
         rejectedCount = rejectedCount + @rejected, chunksDone = chunksDone + 1, updatedAt = @now WHERE id = @jobId`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();

export function writeChunkSqlite(db: Database.Database, file: string, chunk: ChunkWrite): Promise<ChunkOutcome> {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  const stmts = s;
  const stamp = sqliteTimestamp(chunk.stamp);
  const now = sqliteTimestamp(new Date());
  const detail = `import #${chunk.jobId}`;
  const run = db.transaction((): ChunkOutcome => {
    if (!checkGate(stmts.gate.get(chunk.jobId), chunk)) return NOT_APPLIED;
    const lastId = stmts.lastId.get()!;
    let changed = 0;
    for (const contacts of chunk.contacts) {
      const part = { contacts, stamp, now, detail, userId: chunk.userId };
      if (chunk.optOuts > 0) stmts.optOutExisting.run(part);
      changed += stmts.upsert.run(part).changes;
    }
    const created = changed > 0 ? stmts.countCreated.get(lastId)! : 0;
    const updated = changed - created;
    if (created > 0 && chunk.optOuts > 0) stmts.optOutCreated.run({ detail, userId: chunk.userId, now, lastId });
    if (chunk.listId !== null) {
      if (created > 0) stmts.memberCreated.run({ listId: chunk.listId, now, lastId });
      if (updated > 0) for (const contacts of chunk.contacts) stmts.memberUpdated.run({ listId: chunk.listId, now, lastId, contacts, stamp });
    }
    for (const r of chunk.rejected) stmts.reject.run(chunk.jobId, r.rowNumber, r.raw, r.reason);
    const outcome: ChunkOutcome = {
      applied: true,
      created,
      updated,
      duplicates: chunk.duplicates + chunk.contactCount - changed,
      rejected: chunk.rejected.length,
    };
    stmts.counters.run({ ...outcome, rowsRead: chunk.rowsRead, now, jobId: chunk.jobId });
    return outcome;
  });
  // One lock acquisition per chunk: the whole transaction runs synchronously inside it.
  return sqliteLock(file).run(() => run.immediate());
}
