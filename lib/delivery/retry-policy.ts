/** How often and how soon a message the gateway did not accept is tried again. */
export const MAX_ATTEMPTS = 5;

/** Exponential backoff with jitter, never sooner than the gateway asked. */
export function retryDelayMs(attemptNumber: number, gatewayAskedMs: number): number {
  const backoff = Math.min(1000 * 2 ** (attemptNumber - 1), 5 * 60_000);
  return Math.max(gatewayAskedMs, backoff) * (0.8 + Math.random() * 0.4);
}
