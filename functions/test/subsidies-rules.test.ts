import { addYears, monthsBetween } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { nextRenewal, renewalOpen, reviewDueBy } from '../src/subsidies/rules';

describe('育儿补贴 timing rules', () => {
  it('review is due 30 working days after the submission day (weekends and holidays skipped)', () => {
    // 2026-09-18 (Fri): 中秋 and 国庆 in between, two 调休 weekend days worked.
    expect(reviewDueBy('2026-09-18')).toBe('2026-11-05');
    // Six weeks from a Monday, plus one day for 清明 on Monday 04-06.
    expect(reviewDueBy('2026-03-02')).toBe('2026-04-14');
  });

  it('moves a date one year on; 29 February becomes 28 February', () => {
    expect(addYears('2026-11-29', 1)).toBe('2027-11-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('schedules the next confirmation only while the child has paid months from its month on', () => {
    expect(nextRenewal('2026-05-20', '2028-02')).toBe('2027-05-20');
    expect(nextRenewal('2026-05-20', '2027-05')).toBe('2027-05-20'); // May 2027 still paid
    expect(nextRenewal('2026-05-20', '2027-04')).toBe(''); // nothing left by then
  });

  it('opens the confirmation 30 days before it is due and keeps it open after', () => {
    expect(renewalOpen('2027-05-20', '2027-04-19')).toBe(false);
    expect(renewalOpen('2027-05-20', '2027-04-20')).toBe(true);
    expect(renewalOpen('2027-05-20', '2027-08-01')).toBe(true);
    expect(renewalOpen('', '2027-08-01')).toBe(false);
  });

  it('lists the reminder months from today to 30 days ahead, across a year end and a short February', () => {
    expect(monthsBetween('2026-12-10', '2027-01-09')).toEqual(['2026-12', '2027-01']);
    expect(monthsBetween('2027-01-31', '2027-03-02')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(monthsBetween('2027-06-01', '2027-06-30')).toEqual(['2027-06']);
  });
});
