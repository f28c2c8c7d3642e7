/**
 * Wraps Prisma's SQLite driver adapter so its statements and transactions take the file's process-wide
 * lock (sqlite-lock.ts), the same one the raw bulk paths take: the two connections never hold or wait for
 * SQLite's write lock at the same time within one process.
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
      // Held from BEGIN until commit or rollback: statements inside the transaction go straight through.
      const release = await lock.acquire();
      try {
        return releasing(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

function releasing(tx: Transaction, release: () => void): Transaction {
  const once = (() => {
    let done = false;
    return () => {
      if (!done) (done = true), release();
    };
  })();
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => tx.commit().finally(once),
    rollback: () => tx.rollback().finally(once),
    createSavepoint: tx.createSavepoint?.bind(tx),
    rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
    releaseSavepoint: tx.releaseSavepoint?.bind(tx),
  };
}
