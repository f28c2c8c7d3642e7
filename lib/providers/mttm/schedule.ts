/**
 * `batch_config.schedule_at` in the two formats Jasmin reads: a delay (`"86400s"`) or a wall-clock time in
 * the gateway's zone (`"2019-12-31 23:59:00"`). Jasmin refuses a past datetime (412) and sends `"0s"` at
 * once, so a time that has already come is simply not passed on: the batch goes now.
 */
import { toWallClock } from "../shared/wall-clock";

/** The `schedule_at` value for `at`, or `undefined` when `at` is not at least a second away. */
export function scheduleAtParam(at: Date, now: Date, format: "seconds" | "datetime", timeZone: string): string | undefined {
  const wait = at.getTime() - now.getTime();
  if (wait < 1000) return undefined;
  if (format === "seconds") return `${Math.ceil(wait / 1000)}s`;
  // Whole seconds, rounded up so that the gateway never sees a time before the one asked for.
  const c = toWallClock(new Date(Math.ceil(at.getTime() / 1000) * 1000), timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${c.year}-${p(c.month)}-${p(c.day)} ${p(c.hour)}:${p(c.minute)}:${p(c.second)}`;
}
