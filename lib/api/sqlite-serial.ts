/**
 * On SQLite, API requests in one process run one at a time. Prisma and the raw driver hold two
 * connections to the file inside one thread: when a raw transaction (the rate-limit bucket, a campaign
 * launch) is open across an `await` and a Prisma write from another request starts meanwhile, better-
 * sqlite3's busy wait blocks the thread, so the open transaction can never finish and the write times out
 * after 5 s. Serialising requests removes that interleaving; SQLite has one writer anyway, and each request
 * holds it for milliseconds. (The delivery worker is another process, which busy waits do not block.)
 */
type Queue = { tail: Promise<void> };

// One queue per process, even if the bundler gives route files separate copies of this module.
const globalQueue = globalThis as unknown as { apiSqliteQueue?: Queue };

export async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const queue = (globalQueue.apiSqliteQueue ??= { tail: Promise.resolve() });
  const previous = queue.tail;
  let release!: () => void;
  queue.tail = new Promise((resolve) => (release = resolve));
  await previous;
  try {
    return await work();
  } finally {
    release();
  }
}
