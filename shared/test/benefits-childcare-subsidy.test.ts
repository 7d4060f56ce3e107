import { describe, expect, it } from 'vitest';
import { childcareSubsidyPolicyFrom, computeChildcareSubsidy, seedPolicies } from '../src/benefits';

const policy = { yearlyYuan: 3600, startsOn: '2025-01-01', untilAgeMonths: 36 };

describe('育儿补贴 pro rata', () => {
  it('reads its inputs from the seed policy data', () => {
    const seed = seedPolicies.find((p) => p.id === 'childcare-subsidy');
    expect(seed && childcareSubsidyPolicyFrom(seed)).toEqual(policy);
  });

  it('a 2022-born child covers only the months until the third birthday', () => {
    const r = computeChildcareSubsidy('2022-10-20', policy);
    expect(r).toEqual({
      eligible: true,
      months: 9,
      firstMonth: '2025-01',
      lastMonth: '2025-09',
      amountYuan: 2700,
      byYear: [{ year: 2025, months: 9, amountYuan: 2700 }],
    });
  });

  it.each([
    ['born 2022-02-01: only 2025-01', '2022-02-01', 1, 300],
    ['born 2022-02-28: only 2025-01', '2022-02-28', 1, 300],
    ['born 2022-12-31: 2025-01 … 2025-11', '2022-12-31', 11, 3300],
    ['born 2024-12-31: 2025-01 … 2027-11', '2024-12-31', 35, 10500],
    ['born 2025-01-01: 36 months', '2025-01-01', 36, 10800],
    ['born 2025-01-31: 36 months', '2025-01-31', 36, 10800],
  ])('%s', (_why, birthDate, months, amount) => {
    const r = computeChildcareSubsidy(birthDate, policy);
    expect(r.eligible).toBe(true);
    expect(r.months).toBe(months);
    expect(r.amountYuan).toBe(amount);
  });

  it('splits the months by calendar year', () => {
    const r = computeChildcareSubsidy('2025-03-31', policy);
    expect(r.firstMonth).toBe('2025-03');
    expect(r.lastMonth).toBe('2028-02');
    expect(r.byYear).toEqual([
      { year: 2025, months: 10, amountYuan: 3000 },
      { year: 2026, months: 12, amountYuan: 3600 },
      { year: 2027, months: 12, amountYuan: 3600 },
      { year: 2028, months: 2, amountYuan: 600 },
    ]);
    expect(r.byYear.reduce((s, y) => s + y.amountYuan, 0)).toBe(r.amountYuan);
  });

  it('refuses a child already 3 before 2025-01-01, with the reason', () => {
    const r = computeChildcareSubsidy('2021-12-31', policy);
    expect(r).toEqual({
      eligible: false,
      reason: '孩子已于 2024-12-31 满3周岁，早于育儿补贴起始日 2025-01-01，不能申领',
      months: 0,
      amountYuan: 0,
      byYear: [],
    });
  });

  it.each(['2022-01-01', '2022-01-15', '2022-01-31'])(
    'refuses a child born %s: the third birthday falls in 2025-01, which does not count',
    (birthDate) => {
      const r = computeChildcareSubsidy(birthDate, policy);
      expect(r.eligible).toBe(false);
      expect(r.months).toBe(0);
      expect(r.reason).toBe(
        `孩子于 2025-01-${birthDate.slice(8)} 满3周岁，满3周岁当月不计入补贴月数，2025-01 起已无可补贴的月份`,
      );
    },
  );

  it('refuses a birth date in the future or malformed', () => {
    expect(computeChildcareSubsidy('2026-07-01', policy, '2026-06-01').reason).toBe(
      '出生日期晚于今天，请核对',
    );
    expect(computeChildcareSubsidy('2026-7-1', policy).eligible).toBe(false);
    expect(computeChildcareSubsidy('2026-06-01', policy, '2026-06-01').months).toBe(36);
  });

  it('uses the yearly amount from the data, pro rata', () => {
    const r = computeChildcareSubsidy('2022-10-20', { ...policy, yearlyYuan: 4000 });
    expect(r.amountYuan).toBe(3000);
    expect(computeChildcareSubsidy('2022-12-20', { ...policy, yearlyYuan: 1000 }).amountYuan).toBe(916.67);
  });
});

describe('a corrected 育儿补贴 amount from a later date', () => {
  const first = seedPolicies.find((p) => p.id === 'childcare-subsidy');
  if (!first) throw new Error('seed has no childcare-subsidy');
  const corrected = { ...first, effectiveFrom: '2027-01-01', amountYuan: 4800 };

  it('keeps the months owed since the programme began and takes the new yearly amount', () => {
    const result = computeChildcareSubsidy(
      '2022-10-20',
      childcareSubsidyPolicyFrom(corrected, first.effectiveFrom),
      '2027-02-01',
    );
    expect(result).toMatchObject({ eligible: true, months: 9, firstMonth: '2025-01', lastMonth: '2025-09' });
    expect(result.amountYuan).toBe(3600);
  });

  it('would wrongly refuse that child if the later version’s date were taken as the start', () => {
    expect(
      computeChildcareSubsidy('2022-10-20', childcareSubsidyPolicyFrom(corrected), '2027-02-01').eligible,
    ).toBe(false);
  });
});
