import { describe, expect, it } from 'vitest';
import { openBadge, openingHoursLines, weekdaysLabel } from '../src/service-points/labels';

describe('opening hours labels', () => {
  it('names day ranges the way people say them', () => {
    expect(weekdaysLabel([1, 2, 3, 4, 5])).toBe('周一至周五');
    expect(weekdaysLabel([6, 0])).toBe('周六、周日');
    expect(weekdaysLabel([0, 1, 2, 3, 4, 5, 6])).toBe('每天');
    expect(weekdaysLabel([6, 7])).toBe('周六、周日');
    expect(weekdaysLabel([1, 3])).toBe('周一、周三');
  });

  it('merges a lunch break into one line per set of days', () => {
    expect(
      openingHoursLines([
        { weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '12:00' },
        { weekdays: [1, 2, 3, 4, 5], opens: '13:30', closes: '17:30' },
        { weekdays: [6], opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual(['周一至周五 09:00–12:00、13:30–17:30', '周六 09:00–12:00']);
  });

  it('badges open and closed points', () => {
    expect(openBadge(true)).toEqual({ text: '营业中', tone: 'open' });
    expect(openBadge(false)).toEqual({ text: '休息中', tone: 'closed' });
  });
});
