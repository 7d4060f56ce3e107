import { seedPolicies } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { enrolmentRefusal, notInDistrictReason, screenFamilies } from '../src/benefits/screening';
import { bereavedFamily, member } from './benefits-fixtures';

const today = '2026-06-01';
const aged56 = bereavedFamily('fam_56', '1970-05-10');
const aged36 = bereavedFamily('fam_36', '1990-03-01');
const youngChild = bereavedFamily('fam_child', '1970-05-10', {
  children: [
    { birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false },
    { birthDate: '2025-01-01', sex: 'F', alive: true, adopted: false },
  ],
});

describe('免申即享 screening', () => {
  it('lists every eligible pair not enrolled, with reasons and a masked label', () => {
    const { items, alreadyEnrolled } = screenFamilies([aged56, aged36], new Map(), seedPolicies, today);
    expect(alreadyEnrolled).toBe(0);
    expect(items.map((i) => `${i.familyId}:${i.policyId}`)).toEqual([
      'fam_56:special-assistance-bereaved',
      'fam_56:one-time-consolation',
      'fam_56:free-health-check',
      'fam_36:one-time-consolation',
      'fam_36:free-health-check',
    ]);
    const first = items[0];
    expect(first?.familyLabel).toBe('失独家庭 王**、李**');
    expect(first?.reasons).toContain('母亲已满49周岁（2019-05-10 满49周岁）');
    expect(first?.amountYuanPerYear).toBe(720 * 12);
  });

  it('leaves out what is already enrolled and counts it', () => {
    const enrolled = new Map([['fam_56', new Set(['special-assistance-bereaved', 'one-time-consolation'])]]);
    const { items, alreadyEnrolled } = screenFamilies([aged56, aged36], enrolled, seedPolicies, today);
    expect(items.map((i) => i.familyId)).toEqual(['fam_56', 'fam_36', 'fam_36']);
    expect(alreadyEnrolled).toBe(2);
  });

  it('never lists 育儿补贴, even for a family with a child under 3', () => {
    const { items } = screenFamilies([youngChild], new Map(), seedPolicies, today);
    expect(items.some((i) => i.policyId === 'childcare-subsidy')).toBe(false);
  });

  it('finds nothing in an empty district', () => {
    expect(screenFamilies([], new Map(), seedPolicies, today)).toEqual({ items: [], alreadyEnrolled: 0 });
  });
});

describe('the re-check at enrolment', () => {
  it('accepts an eligible pair of the district', () => {
    expect(
      enrolmentRefusal(aged56, '360102', 'special-assistance-bereaved', seedPolicies, today),
    ).toBeUndefined();
  });

  it('refuses a pair that is not eligible today, with the engine’s reasons', () => {
    const reason = enrolmentRefusal(aged36, '360102', 'special-assistance-bereaved', seedPolicies, today);
    expect(reason).toMatch(/^目前不符合条件：/);
    expect(reason).toContain('母亲年满49周岁后可享受（还差 12 年 9 个月，2039-03-01 满49周岁）');
  });

  it('refuses the day before the mother turns 49 and accepts on the day', () => {
    const family = bereavedFamily('f', '1977-06-02');
    expect(
      enrolmentRefusal(family, '360102', 'special-assistance-bereaved', seedPolicies, today),
    ).toBeDefined();
    expect(
      enrolmentRefusal(family, '360102', 'special-assistance-bereaved', seedPolicies, '2026-06-02'),
    ).toBeUndefined();
  });

  it('refuses a family of another district exactly as a missing one (nothing disclosed)', () => {
    const elsewhere = { ...aged56, district: '360103' as const };
    expect(enrolmentRefusal(elsewhere, '360102', 'one-time-consolation', seedPolicies, today)).toBe(
      notInDistrictReason,
    );
    expect(enrolmentRefusal(undefined, '360102', 'one-time-consolation', seedPolicies, today)).toBe(
      notInDistrictReason,
    );
  });

  it('refuses 育儿补贴 and an unknown policy', () => {
    expect(enrolmentRefusal(youngChild, '360102', 'childcare-subsidy', seedPolicies, today)).toMatch(
      /育儿补贴/,
    );
    expect(enrolmentRefusal(aged56, '360102', 'no-such-policy', seedPolicies, today)).toBe('没有这项政策');
  });

  it('refuses 特别扶助 when a child was adopted after the death', () => {
    const adopted = bereavedFamily('f', '1970-05-10', {
      members: [member('mother', '1970-05-10')],
      children: [
        { birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false },
        { birthDate: '2015-01-01', alive: true, adopted: true, adoptedOn: '2021-01-01' },
      ],
    });
    expect(enrolmentRefusal(adopted, '360102', 'special-assistance-bereaved', seedPolicies, today)).toContain(
      '独生子女死亡或伤残后又生育或收养子女 1 人，不符合条件',
    );
  });
});
