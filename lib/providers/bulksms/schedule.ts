/**
 * The scheduler's time parameters: `date` `MM/DD/YYYY`, `time` `hh:mm am/pm`, `gmt` `+hh:mm` or `GMT +h:mm`
 * with hours 0–12 and minutes 00 or 30 (document, "2.1 GET SMS Scheduler API").
 */
import { fromWallClock, toWallClock, type WallClock } from "../shared/wall-clock";
import type { GmtFormat } from "./settings";

export interface ScheduleValues {
  date: string;
  time: string;
  gmt: string;
}

const MINUTE_MS = 60_000;

/**
 * The wire values for "send at `at`", written on the wall clock of `timeZone`. The gateway counts in whole
 * minutes, so the time is rounded up: a message never leaves before the moment asked for. When the zone's
 * offset cannot be written in the document's format (beyond ±12:00 or not a half hour, e.g. Nepal's +05:45),
 * the same instant is written in UTC instead.
 */
export function scheduleValues(at: Date, timeZone: string, gmtFormat: GmtFormat): ScheduleValues {
  const instant = new Date(Math.ceil(at.getTime() / MINUTE_MS) * MINUTE_MS);
  let clock = toWallClock(instant, timeZone);
  let offsetMinutes = Math.round((wallClockAsUtc(clock) - instant.getTime()) / MINUTE_MS);
  if (Math.abs(offsetMinutes) > 12 * 60 || offsetMinutes % 30 !== 0) {
    clock = toWallClock(instant, "UTC");
    offsetMinutes = 0;
  }
  return { date: formatDate(clock), time: formatTime(clock), gmt: formatOffset(offsetMinutes, gmtFormat) };
}

/** Reads the scheduler's three values back into an instant (used by the fake gateway). */
export function parseScheduleValues(values: ScheduleValues): Date | undefined {
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(values.date);
  const time = /^(\d{2}):(\d{2}) (am|pm)$/.exec(values.time);
  const gmt = /^(?:GMT ?)?([+-])(\d{1,2}):(00|30)$/.exec(values.gmt);
  if (!date || !time || !gmt) return undefined;
  const [month, day, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour12, minute] = [Number(time[1]), Number(time[2])];
  const offsetHours = Number(gmt[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour12 > 12 || minute > 59 || offsetHours > 12) return undefined;
  const hour = (hour12 % 12) + (time[3] === "pm" ? 12 : 0);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wallAsUtc).getUTCDate() !== day) return undefined; // 02/30 and the like
  const offsetMinutes = (gmt[1] === "-" ? -1 : 1) * (offsetHours * 60 + Number(gmt[3]));
  return new Date(wallAsUtc - offsetMinutes * MINUTE_MS);
}

/** `yyyy-mm-dd hh:mm:ss` (delivery report times) on the gateway's wall clock, as an instant. */
export function parseGatewayTime(value: string | undefined, timeZone: string): Date | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return fromWallClock({ year, month, day, hour, minute, second }, timeZone);
}

function wallClockAsUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function formatDate(clock: WallClock): string {
  return `${pad(clock.month)}/${pad(clock.day)}/${clock.year}`;
}

/** 12-hour clock; midnight and noon are `12:mm am` and `12:mm pm` (the document's range is "00 to 12"). */
function formatTime(clock: WallClock): string {
  return `${pad(clock.hour % 12 || 12)}:${pad(clock.minute)} ${clock.hour < 12 ? "am" : "pm"}`;
}

function formatOffset(offsetMinutes: number, format: GmtFormat): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = pad(Math.abs(offsetMinutes) % 60);
  return format === "GMT +h:mm" ? `GMT ${sign}${hours}:${minutes}` : `${sign}${pad(hours)}:${minutes}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
