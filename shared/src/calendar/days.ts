/**
 * The one calendar of Hongjia. Nanchang keeps China time: Asia/Shanghai is UTC+8 all year
 * (no daylight saving), so the local day follows from an instant by a fixed offset and no
 * time-zone database is needed. Calendar days are `YYYY-MM-DD` strings; arithmetic on them is
 * done in UTC, so neither the server's nor the phone's zone can shift a day.
 */
export const chinaOffsetMs = 8 * 3_600_000;
export const dayMs = 86_400_000;

type Instant = Date | number | string;

const millis = (instant: Instant): number =>
  instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);

/** The instant moved to China wall-clock time: read it with the `getUTC…` methods only. */
export function chinaWallClock(instant: Instant): Date {
  return new Date(millis(instant) + chinaOffsetMs);
}

/** The calendar day in China at `instant`: what "today", "filed on" and "born before" mean. */
export function chinaDate(instant: Instant): string {
  return chinaWallClock(instant).toISOString().slice(0, 10);
}

/** Today in China, by the caller's clock (the server's injected clock, or the phone's). */
export function todayInChina(now: Instant = Date.now()): string {
  return chinaDate(now);
}

export function chinaYear(instant: Instant): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** ISO weekday (1 = Monday … 7 = Sunday) and minutes since midnight in China. */
export function chinaClock(instant: Instant): { weekday: number; minutes: number } {
  const local = chinaWallClock(instant);
  const day = local.getUTCDay();
  return { weekday: day === 0 ? 7 : day, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** Seconds from `instant` until the next midnight in China (a day's allowance resets then). */
export function secondsUntilChinaMidnight(instant: Instant): number {
  return 86_400 - Math.floor(((millis(instant) + chinaOffsetMs) / 1000) % 86_400);
}

const dayTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** A real calendar day written `YYYY-MM-DD`? (`2026-02-30` is not.) */
export function isCalendarDay(day: string): boolean {
  const time = dayTime(day);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time) && dayOf(time) === day;
}

/** The day's midnight (UTC) for day arithmetic; throws on anything but a real calendar day. */
export function parseDay(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar date: ${day}`);
  return dayTime(day);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayTime(day) + days * dayMs);
}

/** Whole days from `from` to `to`: negative when `to` is earlier (signed, unlike `daysApart`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayTime(to) - dayTime(from)) / dayMs);
}

/** Whole days between two days in either order (never negative). */
export function daysApart(a: string, b: string): number {
  return Math.abs(daysBetween(a, b));
}

/** `count` days starting at `from` (inclusive). */
export function nextDays(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The same day `years` later (negative: earlier); 29 February → 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The same day `years` earlier (29 Feb falls back to 28 Feb): picker defaults for birth dates. */
export function yearsBefore(day: string, years: number): string {
  return addYears(day, -years);
}
