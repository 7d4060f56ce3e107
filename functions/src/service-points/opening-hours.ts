import { chinaClock } from '@hongjia/shared';

/**
 * Opening hours in Asia/Shanghai (UTC+8 all year, no daylight saving), so
 * the local weekday and time of day follow from the instant by a fixed
 * offset. A point may list several periods per day (a lunch break is two
 * periods); `opens` is inclusive, `closes` exclusive.
 */
export interface OpeningPeriod {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** `HH:MM`, local time. */
  opens: string;
  closes: string;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Today's periods in order of opening. */
export function periodsOn(hours: readonly OpeningPeriod[], weekday: number): OpeningPeriod[] {
  return hours
    .filter((period) => period.weekdays.includes(weekday))
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
}

export function openingStatus(
  hours: readonly OpeningPeriod[],
  now: Date,
): { openNow: boolean; todayHours: string } {
  const { weekday, minutes } = chinaClock(now);
  const today = periodsOn(hours, weekday);
  const openNow = today.some(
    (period) => minutes >= minutesOf(period.opens) && minutes < minutesOf(period.closes),
  );
  return {
    openNow,
    todayHours: today.length
      ? today.map((period) => `${period.opens}–${period.closes}`).join('、')
      : '今日休息',
  };
}
