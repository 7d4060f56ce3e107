import { describe, expect, it } from 'vitest';
import {
  type ChildFacts,
  describeWait,
  evaluatePolicies,
  type FamilyFacts,
  type PolicyDefinition,
  PolicyDefinition as PolicyDefinitionSchema,
  seedPolicies,
} from '../src/benefits';

const today = '2026-06-01';
const deadChild: ChildFacts = { birthDate: '1998-04-02', sex: 'M', alive: false, adopted: false };
const disabledChild: ChildFacts = { birthDate: '1999-07-07', sex: 'F', alive: true, adopted: false };

const bereaved: FamilyFacts = {
  familyKind: 'bereaved',
  hukouType: 'urban',
  motherBirthDate: '1970-05-10',
  fatherBirthDate: '1968-01-20',
  children: [deadChild],
  childEventDate: '2019-09-09',
};
const disabled: FamilyFacts = {
  familyKind: 'disabled',
  hukouType: 'rural',
  motherBirthDate: '1972-02-02',
  fatherBirthDate: '1970-02-02',
  children: [disabledChild],
  childEventDate: '2010-05-05',
};

function evaluate(facts: FamilyFacts, id: string, onDate = today, policies = seedPolicies) {
  const result = evaluatePolicies(facts, policies, onDate).find((r) => r.policyId === id);
  if (result === undefined) throw new Error(`no result for ${id}`);
  return result;
}

describe('seed policies', () => {
  it('all parse against the PolicyDefinition schema', () => {
    for (const policy of seedPolicies) expect(PolicyDefinitionSchema.safeParse(policy).success).toBe(true);
  });

  it('flag every amount that is not confirmed and never mark a missing amount confirmed', () => {
    for (const policy of seedPolicies) {
      if (policy.amountYuan === null) expect(policy.amountConfirmed).toBe(false);
      if (!policy.amountConfirmed) expect(policy.sourceNote).toMatch(/核实/);
    }
  });

  it('rejects a condition on an unknown fact and a confirmed missing amount', () => {
    const base = seedPolicies[0] as PolicyDefinition;
    expect(PolicyDefinitionSchema.safeParse({ ...base, condition: { fact: 'income', gte: 1 } }).success).toBe(
      false,
    );
    expect(
      PolicyDefinitionSchema.safeParse({ ...base, amountYuan: null, amountConfirmed: true }).success,
    ).toBe(false);
  });

  it('returns one result per policy, each with reasons', () => {
    const results = evaluatePolicies(bereaved, seedPolicies, today);
    expect(results).toHaveLength(seedPolicies.length);
    for (const r of results) expect(r.reasons.length).toBeGreaterThan(0);
  });
});

describe('计划生育家庭特别扶助（失独）', () => {
  const id = 'special-assistance-bereaved';

  it('a bereaved mother aged 56 is eligible, with every reason', () => {
    const r = evaluate(bereaved, id);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual([
      '家庭类别：失独家庭（独生子女死亡）',
      '母亲已满49周岁（2019-05-10 满49周岁）',
      '独生子女死亡或伤残后未再生育或收养子女',
      '现无存活子女',
    ]);
    expect(r.amountYuanPerYear).toBe(720 * 12);
    expect(r.amountConfirmed).toBe(false);
  });

  it('a bereaved mother aged 36 sees why not yet', () => {
    const r = evaluate({ ...bereaved, motherBirthDate: '1990-03-01' }, id);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toContain('母亲年满49周岁后可享受（还差 12 年 9 个月，2039-03-01 满49周岁）');
    expect(r.amountYuanPerYear).toBeUndefined();
  });

  it.each([
    [
      'the day before the 49th birthday',
      '2026-02-28',
      false,
      '母亲年满49周岁后可享受（还差 1 天，2026-03-01 满49周岁）',
    ],
    ['the 49th birthday', '2026-03-01', true, '母亲已满49周岁（2026-03-01 满49周岁）'],
    ['the day after', '2026-03-02', true, '母亲已满49周岁（2026-03-01 满49周岁）'],
  ])('on %s', (_why, onDate, eligible, reason) => {
    const r = evaluate({ ...bereaved, motherBirthDate: '1977-03-01' }, id, onDate);
    expect(r.eligible).toBe(eligible);
    expect(r.reasons).toContain(reason);
  });

  it('a mother born on 29 Feb turns 49 on 1 Mar in a common year', () => {
    const facts = { ...bereaved, motherBirthDate: '1980-02-29' };
    expect(evaluate(facts, id, '2029-02-28').eligible).toBe(false);
    expect(evaluate(facts, id, '2029-03-01').eligible).toBe(true);
  });

  it.each<[string, FamilyFacts, string]>([
    [
      'a child adopted after the death',
      {
        ...bereaved,
        children: [
          deadChild,
          { birthDate: '2015-01-01', sex: 'F', alive: true, adopted: true, adoptedOn: '2021-01-01' },
        ],
      },
      '独生子女死亡或伤残后又生育或收养子女 1 人，不符合条件',
    ],
    [
      'a child born after the death',
      {
        ...bereaved,
        children: [deadChild, { birthDate: '2020-08-08', sex: 'M', alive: true, adopted: false }],
      },
      '独生子女死亡或伤残后又生育或收养子女 1 人，不符合条件',
    ],
    [
      'a disabled-child family',
      disabled,
      '此项政策适用于失独家庭（独生子女死亡），本家庭为伤残家庭（独生子女三级以上残疾）',
    ],
    [
      'no date of the death',
      { ...bereaved, childEventDate: undefined },
      '未登记独生子女死亡或伤残的日期，无法判断之后是否再生育或收养',
    ],
    [
      'no mother birth date',
      { ...bereaved, motherBirthDate: undefined },
      '未登记母亲出生日期，无法判断是否年满49周岁',
    ],
  ])('is refused for %s', (_why, facts, reason) => {
    const r = evaluate(facts, id);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toContain(reason);
  });
});

describe('计划生育家庭特别扶助（伤残）', () => {
  const id = 'special-assistance-disabled';

  it('a disabled-child family with the mother over 49 is eligible', () => {
    const r = evaluate(disabled, id);
    expect(r.eligible).toBe(true);
    expect(r.amountYuanPerYear).toBe(590 * 12);
  });

  it.each([
    ['2021-02-01', false],
    ['2021-02-02', true],
  ])('mother born 1972-02-02 on %s → %s', (onDate, eligible) => {
    expect(evaluate(disabled, id, onDate).eligible).toBe(eligible);
  });

  it('is refused for a bereaved family and after a later birth', () => {
    expect(evaluate(bereaved, id).eligible).toBe(false);
    const later = {
      ...disabled,
      children: [disabledChild, { birthDate: '2012-01-01', sex: 'M' as const, alive: true, adopted: false }],
    };
    expect(evaluate(later, id).eligible).toBe(false);
  });
});

describe('农村部分计划生育家庭奖励扶助', () => {
  const id = 'rural-family-reward';
  const rural: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'rural',
    motherBirthDate: '1968-05-01',
    fatherBirthDate: '1966-06-01',
    children: [
      { birthDate: '1990-01-01', sex: 'F', alive: true, adopted: false },
      { birthDate: '1993-01-01', sex: 'F', alive: true, adopted: false },
    ],
  };

  it('two daughters, father aged 60: eligible, explained by the parent who qualifies', () => {
    const r = evaluate(rural, id);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual([
      '户籍：农村户籍',
      '生育情况：生育两个女孩',
      '父亲已满60周岁（2026-06-01 满60周岁）',
    ]);
    expect(r.amountYuanPerYear).toBe(960);
  });

  it('the day before the father turns 60 neither parent is 60 yet', () => {
    const r = evaluate(rural, id, '2026-05-31');
    expect(r.eligible).toBe(false);
    expect(r.reasons[2]).toMatch(/^以下条件满足其一即可，目前均不满足：父亲年满60周岁后可享受（还差 1 天/);
  });

  it.each<[string, FamilyFacts, string]>([
    ['urban hukou', { ...rural, hukouType: 'urban' }, '此项政策适用于农村户籍，本家庭为城镇户籍'],
    [
      'a son and a daughter',
      {
        ...rural,
        children: [
          { birthDate: '1990-01-01', sex: 'F', alive: true, adopted: false },
          { birthDate: '1993-01-01', sex: 'M', alive: true, adopted: false },
        ],
      },
      '此项政策适用于只生育一个子女或生育两个女孩，本家庭为生育子女情况不属于一孩或两女',
    ],
  ])('is refused for %s', (_why, facts, reason) => {
    const r = evaluate(facts, id);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toContain(reason);
  });

  it('one child whose mother is 60 is eligible', () => {
    const facts = {
      ...rural,
      fatherBirthDate: undefined,
      motherBirthDate: '1966-01-01',
      children: [deadChild],
    };
    expect(evaluate(facts, id).eligible).toBe(true);
  });
});

describe('城镇独生子女父母奖励', () => {
  const id = 'urban-only-child-parent-reward';
  const urban: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'urban',
    motherBirthDate: '1971-01-01',
    fatherBirthDate: '1966-01-01',
    children: [{ birthDate: '1995-01-01', sex: 'M', alive: true, adopted: false }],
    fatherRetiredOn: '2026-01-01',
  };

  it('retired parent of an only child is eligible; the amount is not known yet and says so', () => {
    const r = evaluate(urban, id);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toContain('父母一方已退休（2026-01-01 退休）');
    expect(r.reasons).toContain('发放金额待核实，工作人员将另行告知');
    expect(r.amountYuanOneTime).toBeUndefined();
  });

  it('before retirement, or with two children, or rural: not eligible', () => {
    expect(evaluate(urban, id, '2025-12-31').reasons).toContain('父母退休时可领取（尚未登记退休）');
    expect(evaluate(urban, id, '2025-12-31').eligible).toBe(false);
    const two = {
      ...urban,
      children: [
        ...(urban.children ?? []),
        { birthDate: '1999-01-01', sex: 'F' as const, alive: true, adopted: false },
      ],
    };
    expect(evaluate(two, id).eligible).toBe(false);
    expect(evaluate({ ...urban, hukouType: 'rural' }, id).eligible).toBe(false);
  });
});

describe('一次性扶慰金', () => {
  const id = 'one-time-consolation';

  it('a bereaved family is eligible at any age; others are not', () => {
    expect(evaluate({ ...bereaved, motherBirthDate: '1990-03-01' }, id).eligible).toBe(true);
    expect(evaluate(disabled, id).eligible).toBe(false);
  });
});

describe('育儿补贴 in the engine', () => {
  const id = 'childcare-subsidy';
  const young: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'urban',
    children: [{ birthDate: '2024-04-10', sex: 'F', alive: true, adopted: false }],
  };

  it('a child under 3 qualifies, at 36 months not', () => {
    const r = evaluate(young, id, '2027-04-09');
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual(['有未满3周岁的子女（最小的孩子 35 个月）']);
    expect(r.amountYuanPerYear).toBe(3600);
    expect(evaluate(young, id, '2027-04-10').eligible).toBe(false);
  });

  it('not before the policy starts', () => {
    const r = evaluate(young, id, '2024-12-31');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual(['此项政策自 2025-01-01 起施行']);
  });
});

describe('policy versions and amounts as data', () => {
  const base = seedPolicies.find((p) => p.id === 'rural-family-reward') as PolicyDefinition;
  const corrected: PolicyDefinition = {
    ...base,
    amountYuan: 1200,
    amountConfirmed: true,
    effectiveFrom: '2026-01-01',
  };
  const facts: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'rural',
    fatherBirthDate: '1950-01-01',
    children: [{ birthDate: '1980-01-01', sex: 'M', alive: true, adopted: false }],
  };

  it('uses the version in force on the date', () => {
    expect(evaluate(facts, base.id, '2025-12-31', [base, corrected]).amountYuanPerYear).toBe(960);
    expect(evaluate(facts, base.id, '2026-01-01', [base, corrected]).amountYuanPerYear).toBe(1200);
    expect(evaluatePolicies(facts, [base, corrected], '2026-01-01')).toHaveLength(1);
  });

  it('an expired policy says so', () => {
    const ended: PolicyDefinition = { ...base, effectiveTo: '2020-12-31' };
    expect(evaluate(facts, base.id, '2021-01-01', [ended]).reasons).toEqual([
      '此项政策已于 2020-12-31 停止执行',
    ]);
  });
});

describe('describeWait', () => {
  it.each([
    ['2026-02-28', '2026-03-01', '1 天'],
    ['2026-01-01', '2026-04-01', '3 个月'],
    ['2026-01-01', '2028-01-01', '2 年'],
    ['2026-01-01', '2028-04-15', '2 年 3 个月'],
  ])('%s → %s is %s', (from, to, text) => {
    expect(describeWait(from, to)).toBe(text);
  });
});

/** One table per policy: eligible, not eligible, and the boundary days (SPEC issue 5 rules tables). */
describe('rules tables', () => {
  const only = (birthDate: string, alive: boolean, extra: Partial<ChildFacts> = {}): ChildFacts => ({
    birthDate,
    sex: 'M',
    alive,
    adopted: false,
    ...extra,
  });
  const ruralOneChild: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'rural',
    motherBirthDate: '1966-09-15',
    fatherBirthDate: '1967-03-01',
    children: [only('1990-01-01', true)],
  };
  const urbanRetiring: FamilyFacts = {
    familyKind: 'none',
    hukouType: 'urban',
    motherBirthDate: '1976-07-01',
    children: [only('2000-01-01', true)],
    motherRetiredOn: '2026-07-01',
  };

  it.each<[string, string, FamilyFacts, string, boolean, string?]>([
    // 特别扶助（失独）
    ['special-assistance-bereaved', 'mother 56', bereaved, today, true, '现无存活子女'],
    [
      'special-assistance-bereaved',
      'a second child, born before the death, alive',
      { ...bereaved, children: [deadChild, only('2001-01-01', true)] },
      today,
      false,
      '现有存活子女 1 人，不符合条件',
    ],
    [
      'special-assistance-bereaved',
      'a child born on the day of the death does not count as after it',
      { ...bereaved, children: [deadChild, only('2019-09-09', false)] },
      today,
      true,
    ],
    [
      'special-assistance-bereaved',
      'a child born the day after the death',
      { ...bereaved, children: [deadChild, only('2019-09-10', false)] },
      today,
      false,
      '独生子女死亡或伤残后又生育或收养子女 1 人，不符合条件',
    ],
    // 特别扶助（伤残）
    [
      'special-assistance-disabled',
      'mother 54',
      disabled,
      today,
      true,
      '家庭类别：伤残家庭（独生子女三级以上残疾）',
    ],
    [
      'special-assistance-disabled',
      'the day before the mother turns 49',
      { ...disabled, motherBirthDate: '1977-06-02' },
      today,
      false,
      '母亲年满49周岁后可享受（还差 1 天，2026-06-02 满49周岁）',
    ],
    [
      'special-assistance-disabled',
      'the day the mother turns 49',
      { ...disabled, motherBirthDate: '1977-06-01' },
      today,
      true,
      '母亲已满49周岁（2026-06-01 满49周岁）',
    ],
    [
      'special-assistance-disabled',
      'a child adopted before the disability',
      {
        ...disabled,
        children: [disabledChild, only('2005-01-01', true, { adopted: true, adoptedOn: '2008-01-01' })],
      },
      today,
      true,
    ],
    [
      'special-assistance-disabled',
      'a child adopted after the disability (adoption date counts, not birth)',
      {
        ...disabled,
        children: [disabledChild, only('2005-01-01', true, { adopted: true, adoptedOn: '2012-01-01' })],
      },
      today,
      false,
      '独生子女死亡或伤残后又生育或收养子女 1 人，不符合条件',
    ],
    // 农村奖励扶助
    [
      'rural-family-reward',
      'the day before the rural mother turns 60',
      ruralOneChild,
      '2026-09-14',
      false,
      '以下条件满足其一即可，目前均不满足：父亲年满60周岁后可享受（还差 5 个月，2027-03-01 满60周岁）；母亲年满60周岁后可享受（还差 1 天，2026-09-15 满60周岁）',
    ],
    [
      'rural-family-reward',
      'the day the rural mother turns 60',
      ruralOneChild,
      '2026-09-15',
      true,
      '母亲已满60周岁（2026-09-15 满60周岁）',
    ],
    [
      'rural-family-reward',
      'two sons',
      { ...ruralOneChild, children: [only('1990-01-01', true), only('1992-01-01', true)] },
      '2027-06-01',
      false,
      '此项政策适用于只生育一个子女或生育两个女孩，本家庭为生育子女情况不属于一孩或两女',
    ],
    [
      'rural-family-reward',
      'household type not on record',
      { ...ruralOneChild, hukouType: undefined },
      '2027-06-01',
      false,
      '未登记户籍，无法判断',
    ],
    // 城镇独生子女父母奖励
    [
      'urban-only-child-parent-reward',
      'the day before retirement',
      urbanRetiring,
      '2026-06-30',
      false,
      '父母退休时可领取（尚未登记退休）',
    ],
    [
      'urban-only-child-parent-reward',
      'the day of retirement',
      urbanRetiring,
      '2026-07-01',
      true,
      '父母一方已退休（2026-07-01 退休）',
    ],
    [
      'urban-only-child-parent-reward',
      'retired, but children not on record',
      { ...urbanRetiring, children: undefined },
      '2026-07-01',
      false,
      '未登记生育情况，无法判断',
    ],
    // 一次性扶慰金
    ['one-time-consolation', 'a bereaved family', bereaved, today, true, '现无存活子女'],
    [
      'one-time-consolation',
      'a child born after the death',
      { ...bereaved, children: [deadChild, only('2021-01-01', true)] },
      today,
      false,
      '现有存活子女 1 人，不符合条件',
    ],
    [
      'one-time-consolation',
      'children not on record',
      { ...bereaved, children: undefined },
      today,
      false,
      '未登记子女情况，无法判断',
    ],
    // 育儿补贴
    [
      'childcare-subsidy',
      'an adopted child under 3',
      {
        familyKind: 'none',
        children: [only('2025-03-01', true, { adopted: true, adoptedOn: '2025-06-01' })],
      },
      today,
      true,
      '有未满3周岁的子女（最小的孩子 15 个月）',
    ],
    [
      'childcare-subsidy',
      'the only child turned 3 today',
      { familyKind: 'none', children: [only('2023-06-01', true)] },
      today,
      false,
      '没有未满3周岁的子女（最小的孩子 36 个月）',
    ],
    [
      'childcare-subsidy',
      'children not on record',
      { familyKind: 'none', motherBirthDate: '1992-02-02' },
      today,
      false,
      '未登记子女出生日期，无法判断',
    ],
  ])('%s: %s', (id, _case, facts, onDate, eligible, reason) => {
    const r = evaluate(facts, id, onDate);
    expect(r.eligible).toBe(eligible);
    if (reason !== undefined) expect(r.reasons).toContain(reason);
  });
});
