/**
 * Runs `task` over `items` with at most `limit` in flight, results in input order. Single-message gateways
 * use it so one `send` with several messages neither queues them one by one nor opens a socket per message.
 * `task` must not reject (adapters turn every failure into an outcome); a rejection rejects the whole map.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (items.length === 1) return [await task(items[0], 0)];
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
