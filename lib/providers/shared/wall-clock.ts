/**
 * Gateways that take or give times without a zone ("12/24/2010 10:00:00", "2014-10-13 10:30:51.922") mean a
 * wall clock in some IANA zone the account knows. These two functions convert between that wall clock and an
 * instant, with `Intl` only (no timezone database of our own).
 */

/** A wall-clock reading: month 1–12, 24-hour clock. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA name this runtime knows (used by option schemas). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    // RangeError is Intl's only way of saying "no such zone"
    return false;
  }
}

/** The wall clock in `timeZone` at `instant` (throws RangeError for an unknown zone). */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

/**
 * The instant at which the wall clock in `timeZone` reads `clock`. In a DST gap or overlap the earlier
 * matching offset wins, the usual reading of an ambiguous local time.
 */
export function fromWallClock(clock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond ?? 0);
  // The zone's offset near that moment; a second pass settles readings close to a DST change.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(instant: Date, timeZone: string): number {
  const clock = toWallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond ?? 0);
  return wallAsUtc - instant.getTime();
}
