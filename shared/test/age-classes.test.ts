import { describe, expect, it } from 'vitest';
import { ageClassOn, ageClassRules, ageInMonths, caregiversNeeded } from '../src/childcare/age-classes';

describe('age in whole months', () => {
  it('completes a month on the same day number', () => {
    expect(ageInMonths('2025-01-15', '2025-02-14')).toBe(0);
    expect(ageInMonths('2025-01-15', '2025-02-15')).toBe(1);
  });

  it('completes a month born on the 31st on the last day of a shorter month', () => {
    expect(ageInMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(ageInMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(ageInMonths('2025-01-31', '2025-02-28')).toBe(1);
  });
});

describe('age classes (托育机构设置标准)', () => {
  it('puts a child of exactly 12 months in 托小班, one day younger in 乳儿班', () => {
    expect(ageClassOn('2024-06-10', '2025-06-10')).toBe('toddler');
    expect(ageClassOn('2024-06-10', '2025-06-09')).toBe('infant');
  });

  it('puts a child of exactly 24 months in 托大班, one day younger in 托小班', () => {
    expect(ageClassOn('2023-06-10', '2025-06-10')).toBe('preschool');
    expect(ageClassOn('2023-06-10', '2025-06-09')).toBe('toddler');
  });

  it('has no class under 6 months or from 36 months', () => {
    expect(ageClassOn('2025-01-10', '2025-07-09')).toBeUndefined();
    expect(ageClassOn('2025-01-10', '2025-07-10')).toBe('infant');
    expect(ageClassOn('2022-06-10', '2025-06-10')).toBeUndefined();
    expect(ageClassOn('2022-06-10', '2025-06-09')).toBe('preschool');
  });

  it('caps classes at 10, 15 and 20 children', () => {
    expect(
      [ageClassRules.infant, ageClassRules.toddler, ageClassRules.preschool].map((r) => r.maxChildren),
    ).toEqual([10, 15, 20]);
  });

  it('needs one caregiver per 3, 5 and 7 children, rounded up', () => {
    expect(caregiversNeeded('infant', 10)).toBe(4);
    expect(caregiversNeeded('toddler', 15)).toBe(3);
    expect(caregiversNeeded('toddler', 16)).toBe(4);
    expect(caregiversNeeded('preschool', 20)).toBe(3);
    expect(caregiversNeeded('preschool', 21)).toBe(3);
  });
});
