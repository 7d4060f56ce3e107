import { isCalendarDay } from '../calendar/days';

/** A real calendar day written `YYYY-MM-DD`, or `YYYY/M/D` as Excel on Chinese Windows writes dates: normalized, or undefined. */
export function normalizeDay(raw: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const iso = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  return isCalendarDay(iso) ? iso : undefined;
}
