/**
 * One async lock per SQLite file in this process. better-sqlite3 is synchronous, and this process holds two
 * connections to the file (Prisma's and the raw one for bulk paths): if one opened a write transaction and
 * yielded, a write on the other would busy-wait on the same thread, blocking the very transaction it waits
 * for. Every statement and transaction on either connection therefore takes this lock first.
 */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly maxWaitMs = 30_000) {}

  /**
   * Waits for the lock; resolves with the function that releases it. Waiting longer than `maxWaitMs` means
   * a holder is waiting for this lock itself (e.g. a Prisma call inside a raw transaction): fail loudly
   * instead of hanging, and pass the lock on untouched when its turn comes.
   */
  acquire(): Promise<() => void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`waited ${this.maxWaitMs} ms for the SQLite lock: is a transaction waiting for itself?`));
      }, this.maxWaitMs);
      void previous.then(() => {
        clearTimeout(timer);
        if (timedOut) release();
        else resolve(release);
      });
    });
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

// On globalThis: even if the bundler gives two routes separate copies of this module, they share the locks.
const globalForLocks = globalThis as unknown as { sqliteLocks?: Map<string, AsyncLock> };
const locks = (globalForLocks.sqliteLocks ??= new Map<string, AsyncLock>());

/** The lock shared by every connection of this process to `file`. */
export function sqliteLock(file: string): AsyncLock {
  let lock = locks.get(file);
  if (!lock) locks.set(file, (lock = new AsyncLock()));
  return lock;
}
