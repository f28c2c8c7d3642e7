/** SQLite side of `writeChunk`: better-sqlite3 prepared statements inside one IMMEDIATE transaction. */
import type Database from "better-sqlite3";
import { sqliteTimestamp } from "@/lib/db/raw";
import { type ChunkOutcome, type ChunkWrite, checkGate, type JobGate, OPT_OUT_SOURCE_IMPORT } from "./chunk-contract";

function statements(db: Database.Database) {
  return {
    gate: db.prepare<[number], JobGate>(`SELECT status, chunksDone FROM ImportJob WHERE id = ?`),
    find: db.prepare<[string], { id: number; updatedAt: string; optedOut: number }>(`SELECT id, updatedAt, optedOut FROM Contact WHERE phone = ?`),
    // ON CONFLICT DO NOTHING + `changes`: a new number (most rows of a big import) costs one index probe, not two.
    insert: db.prepare(
      `INSERT INTO Contact (phone, firstName, lastName, fields, country, optedOut, optedOutAt, optOutSource, source, createdAt, updatedAt)
       VALUES (@phone, @firstName, @lastName, @fields, @country, @optedOut, @optedOutAt, @optOutSource, 'import', @stamp, @stamp)
       ON CONFLICT (phone) DO NOTHING`,
    ),
    update: db.prepare(
      `UPDATE Contact SET firstName = coalesce(@firstName, firstName), lastName = coalesce(@lastName, lastName),
         fields = CASE WHEN @fields IS NULL THEN fields ELSE json_patch(fields, @fields) END,
         country = @country, updatedAt = @stamp WHERE id = @id`,
    ),
    optOut: db.prepare(`UPDATE Contact SET optedOut = 1, optedOutAt = @now, optOutSource = 'import' WHERE id = @id`),
    optOutEvent: db.prepare(
      `INSERT INTO OptOutEvent (contactId, optedOut, source, detail, userId, createdAt) VALUES (?, 1, '${OPT_OUT_SOURCE_IMPORT}', ?, ?, ?)`,
    ),
    member: db.prepare(`INSERT OR IGNORE INTO ListMembership (listId, contactId, addedAt) VALUES (?, ?, ?)`),
    reject: db.prepare(`INSERT INTO ImportRejectedRow (importJobId, rowNumber, raw, reason) VALUES (?, ?, ?, ?)`),
    counters: db.prepare(
      `UPDATE ImportJob SET rowsRead = rowsRead + @rowsRead, createdCount = createdCount + @created,
         updatedCount = updatedCount + @updated, duplicateCount = duplicateCount + @duplicates,
         rejectedCount = rejectedCount + @rejected, chunksDone = chunksDone + 1, updatedAt = @now WHERE id = @jobId`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();

export function writeChunkSqlite(db: Database.Database, chunk: ChunkWrite): ChunkOutcome {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  const stmts = s;
  const stamp = sqliteTimestamp(chunk.stamp);
  const now = sqliteTimestamp(new Date());
  const detail = `import #${chunk.jobId}`;
  const run = db.transaction((): ChunkOutcome => {
    const outcome: ChunkOutcome = { applied: false, created: 0, updated: 0, duplicates: chunk.duplicates, rejected: chunk.rejected.length };
    if (!checkGate(stmts.gate.get(chunk.jobId), chunk.chunkIndex)) return { applied: false, created: 0, updated: 0, duplicates: 0, rejected: 0 };
    outcome.applied = true;
    for (const c of chunk.contacts) {
      const fields = c.fields ? JSON.stringify(c.fields) : null;
      const inserted = stmts.insert.run({
        phone: c.phone,
        firstName: c.firstName,
        lastName: c.lastName,
        fields: fields ?? "{}",
        country: c.country,
        optedOut: c.optOut ? 1 : 0,
        optedOutAt: c.optOut ? now : null,
        optOutSource: c.optOut ? OPT_OUT_SOURCE_IMPORT : null,
        stamp,
      });
      let id: number;
      if (inserted.changes === 1) {
        id = Number(inserted.lastInsertRowid);
        outcome.created++;
        if (c.optOut) stmts.optOutEvent.run(id, detail, chunk.userId, now);
      } else {
        const existing = stmts.find.get(c.phone)!;
        if (existing.updatedAt === stamp) {
          outcome.duplicates++;
          continue;
        }
        id = existing.id;
        stmts.update.run({ id, firstName: c.firstName, lastName: c.lastName, fields, country: c.country, stamp });
        outcome.updated++;
        if (c.optOut && !existing.optedOut) {
          stmts.optOut.run({ id, now });
          stmts.optOutEvent.run(id, detail, chunk.userId, now);
        }
      }
      if (chunk.listId !== null) stmts.member.run(chunk.listId, id, now);
    }
    for (const r of chunk.rejected) stmts.reject.run(chunk.jobId, r.rowNumber, r.raw, r.reason);
    stmts.counters.run({ ...outcome, rowsRead: chunk.rowsRead, now, jobId: chunk.jobId });
    return outcome;
  });
  return run.immediate();
}
