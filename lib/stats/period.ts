/**
 * Dashboard periods in the user's timezone: today, the last 7 or 30 days (today included) or a custom
 * range of whole days. Rollups are hourly in UTC, so a period becomes a UTC range of hours.
 */
import { z } from "zod";

export const PERIODS = ["today", "7d", "30d", "custom"] as const;
export type PeriodKind = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<PeriodKind, string> = { today: "Today", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.");

/** The dashboard's search parameters, as the filter form sends them. */
export const periodSchema = z
  .object({
    period: z.enum(PERIODS).default("7d"),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((p) => p.period !== "custom" || (p.from && p.to && p.from <= p.to), { message: "Choose a start day on or before the end day.", path: ["to"] });

export interface Period {
  kind: PeriodKind;
  /** Local days, inclusive (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** The UTC range [start, end). */
  start: Date;
  end: Date;
  /** Hourly points for a day or two, daily points beyond. */
  step: "hour" | "day";
}

const MAX_CUSTOM_DAYS = 400;

// Creating an Intl.DateTimeFormat costs far more than using one: keep one per zone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "day" | "parts", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = kind === "day"
      ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      : new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(key, format);
  }
  return format;
}

/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`. */
export function localDay(date: Date, timeZone: string): string {
  return formatter("day", timeZone).format(date);
}

/** How far `timeZone` is ahead of UTC at `date`, in milliseconds. */
function offsetMs(date: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatter("parts", timeZone).formatToParts(date).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant a local day starts in `timeZone` (checked twice, for days that start inside a DST change). */
export function startOfLocalDay(dayText: string, timeZone: string): Date {
  const [y, m, d] = dayText.split("-").map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  let guess = midnightUtc - offsetMs(new Date(midnightUtc), timeZone);
  guess = midnightUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** `dayText` moved by `days` calendar days. */
export function addDays(dayText: string, days: number): string {
  const [y, m, d] = dayText.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function resolvePeriod(input: z.infer<typeof periodSchema>, timeZone: string, now = new Date()): Period {
  const today = localDay(now, timeZone);
  let firstDay = today;
  let lastDay = today;
  if (input.period === "7d") firstDay = addDays(today, -6);
  if (input.period === "30d") firstDay = addDays(today, -29);
  if (input.period === "custom" && input.from && input.to) {
    firstDay = input.from;
    lastDay = input.to;
    if (addDays(firstDay, MAX_CUSTOM_DAYS) < lastDay) firstDay = addDays(lastDay, -MAX_CUSTOM_DAYS);
  }
  const start = startOfLocalDay(firstDay, timeZone);
  const end = startOfLocalDay(addDays(lastDay, 1), timeZone);
  const step = addDays(firstDay, 1) >= lastDay ? "hour" : "day";
  return { kind: input.period, firstDay, lastDay, start, end, step };
}
