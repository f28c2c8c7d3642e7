/**
 * Per-connection SQLite settings. Prisma's adapter sets none, so every connection the app opens (the
 * migration runner, Prisma's, the bulk paths' raw better-sqlite3 handles) must call this.
 * busy_timeout makes a second writer wait instead of failing with SQLITE_BUSY (set first, so switching to
 * WAL waits too); WAL lets readers run beside the one writer; synchronous=NORMAL is durable enough in WAL
 * mode (a power cut may lose the last commits, never corrupt) and much faster than FULL.
 * wal_autocheckpoint=10000 pages (40 MB of WAL before a checkpoint, instead of 4 MB): the delivery engine
 * rewrites the same index and counter pages in every batch, and fewer, larger checkpoints copy each of them
 * once; COMMIT time in `scripts/bench/send/engine-cycle.ts` fell from 1.4–1.65 s to 0.95 s per 50,000 messages.
 */
import type Database from "better-sqlite3";

export function applySqlitePragmas(db: Database.Database): void {
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("wal_autocheckpoint = 10000");
}
