import { chinaClock } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { openingStatus } from '../src/service-points/opening-hours';

const workdays = [1, 2, 3, 4, 5];
const hall = [
  { weekdays: workdays, opens: '13:30', closes: '17:30' },
  { weekdays: workdays, opens: '09:00', closes: '12:00' },
  { weekdays: [6], opens: '09:00', closes: '12:00' },
];
/** A Shanghai wall-clock time as an instant (UTC+8). */
const at = (local: string) => new Date(`${local}+08:00`);

describe('opening hours in Asia/Shanghai', () => {
  it('maps the instant to the local ISO weekday, across the UTC date line', () => {
    // 2026-03-01 is a Sunday; 23:30 UTC on Saturday is already Sunday 07:30 in Nanchang.
    expect(chinaClock(new Date('2026-02-28T23:30:00Z'))).toEqual({ weekday: 7, minutes: 7 * 60 + 30 });
    expect(chinaClock(at('2026-03-02T00:00:00'))).toEqual({ weekday: 1, minutes: 0 });
  });

  it('is open inside a period and closed over the lunch break', () => {
    expect(openingStatus(hall, at('2026-03-02T10:00:00')).openNow).toBe(true);
    expect(openingStatus(hall, at('2026-03-02T12:30:00')).openNow).toBe(false);
    expect(openingStatus(hall, at('2026-03-02T14:00:00')).openNow).toBe(true);
  });

  it('opens at the opening minute and is closed from the closing minute', () => {
    expect(openingStatus(hall, at('2026-03-02T08:59:59')).openNow).toBe(false);
    expect(openingStatus(hall, at('2026-03-02T09:00:00')).openNow).toBe(true);
    expect(openingStatus(hall, at('2026-03-02T11:59:59')).openNow).toBe(true);
    expect(openingStatus(hall, at('2026-03-02T12:00:00')).openNow).toBe(false);
    expect(openingStatus(hall, at('2026-03-02T17:30:00')).openNow).toBe(false);
  });

  it("lists today's periods in order, and says so on a closed day", () => {
    expect(openingStatus(hall, at('2026-03-02T20:00:00')).todayHours).toBe('09:00–12:00、13:30–17:30');
    expect(openingStatus(hall, at('2026-03-07T10:00:00'))).toEqual({
      openNow: true,
      todayHours: '09:00–12:00',
    });
    expect(openingStatus(hall, at('2026-03-08T10:00:00'))).toEqual({
      openNow: false,
      todayHours: '今日休息',
    });
  });
});
