import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  chinaClock,
  chinaDate,
  chinaYear,
  dateLabel,
  daysApart,
  daysBetween,
  formatChinaDateTime,
  formatChinaMonthDayTime,
  monthsBetween,
  secondsUntilChinaMidnight,
} from '../src/calendar';

describe('the one calendar (China time, days as YYYY-MM-DD)', () => {
  it('takes the day in China, not in UTC: 16:00 UTC is already tomorrow in Nanchang', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaYear('2026-12-31T16:00:00Z')).toBe(2027);
    expect(chinaClock(new Date('2026-02-28T23:30:00Z'))).toEqual({ weekday: 7, minutes: 7 * 60 + 30 });
    expect(secondsUntilChinaMidnight(new Date('2026-12-31T15:59:00Z'))).toBe(60);
  });

  it('counts days signed, and apart without a sign, under one name each', () => {
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(daysApart('2024-03-01', '2024-02-01')).toBe(29);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('moves 29 February to 28 February in a common year, and lists months of days', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-11-29', -30)).toBe('1996-11-29');
    expect(monthsBetween('2026-12-10', '2027-01-09')).toEqual(['2026-12', '2027-01']);
    expect(monthsBetween('2027-03', '2027-01')).toEqual([]);
  });

  it('formats for people in China time', () => {
    expect(formatChinaDateTime('2026-11-29T06:05:00Z')).toBe('2026-11-29 14:05');
    expect(formatChinaMonthDayTime('2026-11-29T06:05:00Z')).toBe('11月29日 14:05');
    expect(dateLabel('2026-12-02', '2026-12-01')).toBe('明天');
    expect(dateLabel('2026-12-03', '2026-12-01')).toBe('12月3日 周四');
  });
});
