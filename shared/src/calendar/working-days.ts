import { addDays, parseDay } from './days';
import { chinaHolidayYears, type HolidayYear } from './holidays';

/**
 * Working days (工作日) for deadlines such as "review within 30 working days":
 * Monday to Friday, minus the days off of the holiday calendar, plus the
 * weekend days worked instead (调休). Dates are calendar days, YYYY-MM-DD,
 * already in Asia/Shanghai; nothing here knows a time zone.
 */
export interface WorkingCalendar {
  daysOff: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
}

export function workingCalendarFrom(years: readonly HolidayYear[]): WorkingCalendar {
  const daysOff = new Set<string>();
  for (const span of years.flatMap((year) => year.daysOff)) {
    for (let day = span.from; parseDay(day) <= parseDay(span.to); day = addDays(day, 1)) daysOff.add(day);
  }
  return { daysOff, workingWeekendDays: new Set(years.flatMap((year) => year.workingWeekendDays)) };
}

/** The mainland calendar from the State Council notices (holidays.ts). */
export const chinaWorkingCalendar: WorkingCalendar = /* @__PURE__ */ workingCalendarFrom(chinaHolidayYears);

export function isWorkingDay(date: string, calendar: WorkingCalendar = chinaWorkingCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) return true;
  if (calendar.daysOff.has(date)) return false;
  const weekday = new Date(parseDay(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `n`th working day after `date` (the day itself is not counted, working
 * or not): 30 working days after a Friday application is a Friday six weeks
 * on when no holiday intervenes. `n` = 0 → `date` itself.
 */
export function addWorkingDays(
  date: string,
  n: number,
  calendar: WorkingCalendar = chinaWorkingCalendar,
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = date;
  parseDay(day);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}
