import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chinaHolidayYears,
  chinaWorkingCalendar,
  isWorkingDay,
  workingCalendarFrom,
} from '../src/calendar';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('working days (weekends, statutory holidays, 调休)', () => {
  it('counts Monday to Friday when no holiday intervenes; the start day is not counted', () => {
    expect(addWorkingDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Friday → Monday
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // from a Saturday
    expect(addWorkingDays('2025-03-14', 0)).toBe('2025-03-14');
  });

  it('skips 清明 on a Friday: 30 working days after 2025-03-07 is 2025-04-21, not 04-18', () => {
    expect(addWorkingDays('2025-03-07', 30)).toBe('2025-04-21');
  });

  it('skips the 2025 国庆/中秋 span of 8 days and counts its 调休 Sunday and Saturday', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28'); // Sunday worked
    expect(addWorkingDays('2025-10-10', 1)).toBe('2025-10-11'); // Saturday worked
    expect(isWorkingDay('2025-10-08')).toBe(false); // a Wednesday off
  });

  it('skips 春节: 2025 from 除夕 (01-28) to 02-04, 2026 the nine days 02-15 … 02-23', () => {
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-26'); // Sunday worked before it
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday worked
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-27', 1)).toBe('2026-02-28'); // Saturday worked after it
  });

  it('a 调休 Saturday is a working day, an ordinary Saturday is not', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(weekday('2026-10-10')).toBe(6);
    expect(isWorkingDay('2026-10-17')).toBe(false);
    expect(isWorkingDay('2026-10-05')).toBe(false); // Monday in 国庆
  });

  it('30 working days across 中秋 and 国庆 2026 (with both 调休 days) ends on 2026-11-05', () => {
    expect(addWorkingDays('2026-09-18', 30)).toBe('2026-11-05');
  });

  it('counts weekends only in a year the calendar does not list', () => {
    expect(addWorkingDays('2031-01-01', 5)).toBe('2031-01-08');
  });

  it('takes its calendar as data', () => {
    const calendar = workingCalendarFrom([
      {
        year: 2030,
        confirmed: false,
        sourceNote: 'test',
        daysOff: [{ name: 'x', from: '2030-01-02', to: '2030-01-03' }],
        workingWeekendDays: ['2030-01-05'],
      },
    ]);
    expect(addWorkingDays('2030-01-01', 2, calendar)).toBe('2030-01-05');
    expect(addWorkingDays('2030-01-01', 2, chinaWorkingCalendar)).toBe('2030-01-03');
  });

  it('refuses a malformed date and a negative count', () => {
    expect(() => addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-02-01', -1)).toThrow(RangeError);
  });

  it('holiday data: worked days are weekends and not days off; spans lie in their year; each year has a source', () => {
    for (const year of chinaHolidayYears) {
      expect(year.sourceNote.length).toBeGreaterThan(10);
      for (const day of year.workingWeekendDays) {
        expect([0, 6]).toContain(weekday(day));
        expect(chinaWorkingCalendar.daysOff.has(day)).toBe(false);
      }
      for (const span of year.daysOff) {
        expect(span.from <= span.to).toBe(true);
        expect(span.from.startsWith(String(year.year))).toBe(true);
      }
    }
    expect(chinaHolidayYears.find((y) => y.year === 2027)?.confirmed).toBe(false);
  });
});
