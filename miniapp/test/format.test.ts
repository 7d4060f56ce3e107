import { addDays, nextDays, todayInChina, yearsBefore } from '@hongjia/shared/calendar/days';
import { dateLabel } from '@hongjia/shared/calendar/format';
import { describe, expect, it } from 'vitest';
import { barScale } from '../src/lib/chart';
import { formatDistance, formatMonthlyFee, formatShare } from '../src/lib/format';

describe('formatDistance', () => {
  it('shows metres under a kilometre', () => {
    expect(formatDistance(0)).toBe('0 米');
    expect(formatDistance(849.6)).toBe('850 米');
    expect(formatDistance(999)).toBe('999 米');
  });
  it('shows one decimal under ten kilometres and none beyond', () => {
    expect(formatDistance(1000)).toBe('1.0 公里');
    expect(formatDistance(2349)).toBe('2.3 公里');
    expect(formatDistance(12_600)).toBe('13 公里');
  });
});

describe('money and shares', () => {
  it('groups thousands in fees', () => {
    expect(formatMonthlyFee(12500)).toBe('12,500 元/月');
    expect(formatMonthlyFee(800)).toBe('800 元/月');
  });
  it('shows 普惠率 with one decimal', () => {
    expect(formatShare(0.3125)).toBe('31.3%');
    expect(formatShare(0)).toBe('0.0%');
  });
});

describe('dates in China time', () => {
  it('takes today in UTC+8, not the machine zone', () => {
    expect(todayInChina(Date.parse('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });
  it('lists the next 14 days across a month end', () => {
    const days = nextDays('2026-11-25', 14);
    expect(days).toHaveLength(14);
    expect(days[0]).toBe('2026-11-25');
    expect(days[13]).toBe('2026-12-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('labels chips 今天 / 明天 / a date with its weekday', () => {
    expect(dateLabel('2026-11-29', '2026-11-29')).toBe('今天');
    expect(dateLabel('2026-11-30', '2026-11-29')).toBe('明天');
    expect(dateLabel('2026-12-02', '2026-11-29')).toBe('12月2日 周三');
  });
  it('moves a birthday back whole years, 29 Feb to 28 Feb', () => {
    expect(yearsBefore('2026-11-29', 2)).toBe('2024-11-29');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });
});

describe('barScale', () => {
  it('keeps the target line inside the chart', () => {
    const scale = barScale([0.1, 0.2], 0.3);
    expect(scale.percent(0.3)).toBeCloseTo(66.67, 1);
    expect(scale.percent(0.45)).toBe(100);
  });
  it('stretches to the largest bar when it passes the target', () => {
    const scale = barScale([40, 9], 18);
    expect(scale.percent(40)).toBe(100);
    expect(scale.percent(18)).toBeCloseTo(45, 5);
  });
  it('never returns negative or NaN widths', () => {
    const scale = barScale([], 0);
    expect(scale.percent(0)).toBe(0);
  });
});
