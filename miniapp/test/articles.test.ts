import { describe, expect, it } from 'vitest';
import { ageChoices, childrenUnderThree } from '../src/articles/children';

/** 科学育儿's children, from the family's own records only (decision 0036). */
describe('the children 科学育儿 reads for', () => {
  const today = '2026-12-01';

  it('keeps those under three, each birth date once, the youngest first, aged in completed months', () => {
    const children = childrenUnderThree(
      [
        { birthDate: '2025-10-02', name: '陈*' }, // 13 months 29 days: 13
        { birthDate: '2026-06-01', name: '王*' }, // exactly 6 months
        { birthDate: '2025-10-02', name: '陈子涵' }, // the same child from another record
        { birthDate: '2023-12-01', name: '李*' }, // 36 months: past the library
        { birthDate: '2027-01-01', name: '—' }, // not born yet
      ],
      today,
    );
    expect(children).toEqual([
      { birthDate: '2026-06-01', name: '王*', months: 6 },
      { birthDate: '2025-10-02', name: '陈*', months: 13 },
    ]);
  });

  it('offers every month from birth to 2岁11个月 to pick when no record names a child', () => {
    expect(ageChoices).toHaveLength(36);
    expect(ageChoices[0]).toEqual({ months: 0, text: '0个月' });
    expect(ageChoices[12]).toEqual({ months: 12, text: '1岁' });
    expect(ageChoices[35]).toEqual({ months: 35, text: '2岁11个月' });
  });
});
