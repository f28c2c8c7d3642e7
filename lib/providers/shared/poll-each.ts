/**
 * Status polling for gateways that answer one message id per request (Masiv getMessage, OGANGI getMessage).
 */
import type { ReportEvent } from "../types";
import { mapWithConcurrency } from "./concurrency";

/**
 * A poll that could not be completed (timeout, credentials, unreadable reply). Nothing is lost: polling is
 * idempotent, so the engine asks again next round.
 */
export class ReportPollError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportPollError";
  }
}

/**
 * Asks `pollOne` about every distinct id, at most `limit` at once. `pollOne` returns the events for its id
 * (none when the gateway said nothing new) or a `ReportPollError` for a failure of the whole poll, which
 * stops the remaining requests and rejects the poll with that error.
 */
export async function pollEachId(
  ids: readonly string[],
  limit: number,
  signal: AbortSignal | undefined,
  pollOne: (id: string, signal: AbortSignal) => Promise<ReportEvent | undefined | ReportPollError>,
): Promise<ReportEvent[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const results = await mapWithConcurrency([...new Set(ids)], limit, async (id) => {
      if (controller.signal.aborted) return undefined;
      const result = await pollOne(id, controller.signal);
      if (result instanceof ReportPollError) controller.abort();
      return result;
    });
    const failure = results.find((result) => result instanceof ReportPollError);
    if (failure) throw failure;
    if (signal?.aborted) throw new ReportPollError("poll aborted");
    return results.filter((result): result is ReportEvent => result !== undefined && !(result instanceof ReportPollError));
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
