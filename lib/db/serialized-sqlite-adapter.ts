/**
 * Wraps Prisma's SQLite driver adapter so its statements and transactions take the file's process-wide
 * lock (sqlite-lock.ts), the same one the raw bulk paths take: the two connections never hold or wait for
 * SQLite's write lock at the same time within one process.
 *
 * Transactions begin with BEGIN IMMEDIATE, not the adapter's deferred BEGIN. Under a deferred BEGIN a
 * transaction that reads and then writes fails at once with SQLITE_BUSY (no busy wait) when another process
 * (a worker, the command line) committed in between; taking the write lock up front makes it wait its turn
 * (busy_timeout) instead. Within the process the lock already serializes transactions, so nothing is lost.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type { AsyncLock } from "./sqlite-lock";

export function serializedSqliteAdapter(inner: SqlDriverAdapterFactory, lock: AsyncLock): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return serialize(await inner.connect(), lock);
    },
  };
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

function serialize(adapter: SqlDriverAdapter, lock: AsyncLock): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => lock.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel); // the adapter's own refusal
      // Held from BEGIN until commit or rollback: statements inside the transaction go straight through.
      const release = await lock.acquire();
      try {
        await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
        return immediateTransaction(adapter, release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** Prisma sends COMMIT or ROLLBACK through executeRaw (usePhantomQuery: false), then calls commit/rollback. */
function immediateTransaction(adapter: SqlDriverAdapter, release: () => void): Transaction {
  let released = false;
  const releaseOnce = async () => {
    if (!released) (released = true), release();
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    commit: releaseOnce,
    rollback: releaseOnce,
    createSavepoint: async (name) => void (await adapter.executeRaw(statement(`SAVEPOINT ${name}`))),
    rollbackToSavepoint: async (name) => void (await adapter.executeRaw(statement(`ROLLBACK TO ${name}`))),
    releaseSavepoint: async (name) => void (await adapter.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
  };
}
