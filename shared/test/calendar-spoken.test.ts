import { describe, expect, it } from 'vitest';
import { clockWords, deadlineWords, spanWords, spokenDate } from '../src/calendar/spoken';

// 2026-11-29 10:00 in Nanchang.
const now = Date.parse('2026-11-29T02:00:00.000Z');
const hour = 3_600_000;

describe('dates and times in words (China time)', () => {
  it('says a date the way people do', () => {
    expect(spokenDate('1970-03-05')).toBe('1970年3月5日');
    expect(spokenDate('2026-12-31')).toBe('2026年12月31日');
  });

  it('says times the way people do', () => {
    expect(clockWords(9, 0)).toBe('上午9点');
    expect(clockWords(12, 0)).toBe('中午12点');
    expect(clockWords(14, 30)).toBe('下午2点半');
    expect(clockWords(20, 15)).toBe('晚上8点15分');
    expect(clockWords(0, 0)).toBe('凌晨0点');
  });

  it('names tomorrow for an urgent request (24 h)', () => {
    expect(deadlineWords('2026-11-30T06:00:00.000Z', now)).toBe('明天（11月30日）下午2点前');
  });

  it('gives the date for a normal request three days out (72 h)', () => {
    expect(deadlineWords('2026-12-02T02:00:00.000Z', now)).toBe('12月2日上午10点前');
  });

  it('counts days in China time, not UTC', () => {
    // 23:30 on 11-29 in Nanchang is still 15:30 UTC the same day; 24 h later is tomorrow there.
    const lateEvening = Date.parse('2026-11-29T15:30:00.000Z');
    expect(deadlineWords('2026-11-30T15:30:00.000Z', lateEvening)).toBe('明天（11月30日）晚上11点半前');
  });

  it('leaves text that is no date-time as it is, and an earlier day as a date', () => {
    expect(deadlineWords('not a date', now)).toBe('not a date');
    expect(deadlineWords('2026-11-28T02:00:00.000Z', now)).toBe('11月28日上午10点前');
  });

  it('says a span in hours below a day and days with hours beyond', () => {
    expect(spanWords(30 * 60_000)).toBe('不到 1 小时');
    expect(spanWords(5 * hour + 59 * 60_000)).toBe('5 小时');
    expect(spanWords(24 * hour)).toBe('1 天');
    expect(spanWords(51 * hour)).toBe('2 天 3 小时');
  });
});
