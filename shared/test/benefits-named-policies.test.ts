import { describe, expect, it } from 'vitest';
import { evaluatePolicies, type FamilyFacts, namedPlanPolicies, seedPolicies } from '../src/benefits';

/**
 * The five policies the city's work plan names (decision 0033): for each, a
 * family that qualifies and one that does not, each with its reason, and the
 * day its condition starts against the day before.
 */
const today = '2026-06-01';

function verdict(facts: FamilyFacts, id: string, onDate = today) {
  const result = evaluatePolicies(facts, seedPolicies, onDate).find((r) => r.policyId === id);
  if (!result) throw new Error(`no result for ${id}`);
  return { eligible: result.eligible, reasons: result.reasons.join('；'), result };
}

/** A rural 伤残 family: one daughter, living, father 57, mother 54. */
const ruralDisabled: FamilyFacts = {
  familyKind: 'disabled',
  hukouType: 'rural',
  motherBirthDate: '1972-03-01',
  fatherBirthDate: '1969-03-01',
  childEventDate: '2015-05-05',
  children: [{ birthDate: '2007-09-01', sex: 'F', alive: true, adopted: false }],
};
/** An urban 失独 family: the only child died. */
const urbanBereaved: FamilyFacts = {
  familyKind: 'bereaved',
  hukouType: 'urban',
  motherBirthDate: '1968-01-01',
  fatherBirthDate: '1966-01-01',
  childEventDate: '2019-09-09',
  children: [{ birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false }],
};
/** A rural family with two daughters, not a special family. */
const twoDaughters: FamilyFacts = {
  familyKind: 'none',
  hukouType: 'rural',
  motherBirthDate: '1975-06-01',
  fatherBirthDate: '1973-06-01',
  children: [
    { birthDate: '2006-02-02', sex: 'F', alive: true, adopted: false },
    { birthDate: '2009-10-10', sex: 'F', alive: true, adopted: false },
  ],
};

const withChild = (facts: FamilyFacts, index: number, extra: object): FamilyFacts => ({
  ...facts,
  children: (facts.children ?? []).map((c, i) => (i === index ? { ...c, ...extra } : c)),
});

describe('the named policies as data', () => {
  it('are in the one engine, each unconfirmed with its source note, from the plan year', () => {
    expect(namedPlanPolicies.map((p) => p.id)).toEqual([
      'sunshine-schooling-aid',
      'free-health-check',
      'medical-insurance-aid',
      'rural-pension-top-up',
      'outstanding-girl-award',
    ]);
    for (const policy of namedPlanPolicies) {
      expect(seedPolicies).toContain(policy);
      expect(policy.amountConfirmed).toBe(false);
      expect(policy.sourceNote).toMatch(/工作方案.*核实/);
      expect(policy.audience?.length).toBeGreaterThan(4);
    }
    // Every shipped policy says who it is for (GET /v1/policies).
    for (const policy of seedPolicies) expect(policy.audience, policy.id).toBeTruthy();
  });

  it('starts on its effective date and not the day before', () => {
    for (const policy of namedPlanPolicies) {
      const before = verdict(ruralDisabled, policy.id, '2020-12-31');
      expect(before.eligible).toBe(false);
      expect(before.reasons).toBe('此项政策自 2021-01-01 起施行');
    }
    expect(verdict(ruralDisabled, 'free-health-check', '2021-01-01').eligible).toBe(true);
  });
});

describe('阳光助学 (sunshine-schooling-aid)', () => {
  const id = 'sunshine-schooling-aid';
  it('a special family with a child at university: yes, naming the stage', () => {
    const v = verdict(withChild(ruralDisabled, 0, { schoolStage: 'university' }), id);
    expect(v).toMatchObject({ eligible: true });
    expect(v.reasons).toContain('子女在读：大学（普通高校本专科）');
  });
  it('a rural two-daughter family with a daughter in high school: yes', () => {
    const v = verdict(withChild(twoDaughters, 1, { schoolStage: 'high_school' }), id);
    expect(v).toMatchObject({ eligible: true });
    expect(v.reasons).toContain('高中阶段（含中职）');
  });
  it('a child in compulsory education: no, and says which stages it is for', () => {
    const v = verdict(withChild(ruralDisabled, 0, { schoolStage: 'compulsory' }), id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain(
      '此项政策适用于就读高中阶段（含中职）或大学（普通高校本专科）的子女，登记的子女在读义务教育（小学、初中）',
    );
  });
  it('no stage recorded: no, and where to register it', () => {
    const v = verdict(ruralDisabled, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('未登记子女在读学段');
  });
  it('an urban family that is not a special family: no, whatever the stage', () => {
    const urbanOneChild: FamilyFacts = {
      ...twoDaughters,
      hukouType: 'urban',
      children: [
        { birthDate: '2008-01-01', sex: 'M', alive: true, adopted: false, schoolStage: 'university' },
      ],
    };
    const v = verdict(urbanOneChild, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('以下条件满足其一即可，目前均不满足');
  });
});

describe('免费体检 (free-health-check)', () => {
  const id = 'free-health-check';
  it('a special family: yes, every year', () => {
    expect(verdict(urbanBereaved, id)).toMatchObject({ eligible: true });
    expect(verdict(ruralDisabled, id).reasons).toContain('家庭类别：伤残家庭');
  });
  it('any other family: no, saying who it is for', () => {
    const v = verdict(twoDaughters, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toBe(
      '此项政策适用于失独家庭（独生子女死亡）或伤残家庭（独生子女三级以上残疾），本家庭为非计划生育特殊家庭',
    );
  });
  it('has no cash amount and says it is a service', () => {
    const v = verdict(urbanBereaved, id);
    expect(v.result.amountYuanPerYear).toBeUndefined();
    expect(v.result.sourceNote).toContain('不发放现金');
  });
});

describe('医疗保险补助 (medical-insurance-aid)', () => {
  const id = 'medical-insurance-aid';
  const insured = { ...urbanBereaved, medicalInsuranceEnrolledOn: '2026-03-01' };
  it('insured from the enrolment day, not the day before', () => {
    const on = verdict(insured, id, '2026-03-01');
    expect(on.eligible).toBe(true);
    expect(on.reasons).toContain('已参加城乡居民基本医疗保险（2026-03-01 起）');
    const before = verdict(insured, id, '2026-02-28');
    expect(before.eligible).toBe(false);
    expect(before.reasons).toContain('参加城乡居民基本医疗保险自 2026-03-01 起，届时可享受');
  });
  it('no enrolment recorded: no, and how to record it', () => {
    const v = verdict(urbanBereaved, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('未登记参加城乡居民基本医疗保险；参保后可携参保凭证');
  });
  it('insured but not a special family: no', () => {
    const v = verdict({ ...twoDaughters, medicalInsuranceEnrolledOn: '2020-01-01' }, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('本家庭为非计划生育特殊家庭');
  });
});

describe('增加和提前享受新农保补助 (rural-pension-top-up)', () => {
  const id = 'rural-pension-top-up';
  const enrolled = { ...ruralDisabled, ruralPensionEnrolledOn: '2024-01-01' };
  it('a rural one-child family in the scheme with a parent of 55: yes', () => {
    const v = verdict(enrolled, id);
    expect(v.eligible).toBe(true);
    expect(v.reasons).toContain('父亲已满55周岁（2024-03-01 满55周岁）');
  });
  it('on the day the father turns 55, not the day before', () => {
    expect(verdict(enrolled, id, '2024-03-01').eligible).toBe(true);
    const before = verdict(enrolled, id, '2024-02-29');
    expect(before.eligible).toBe(false);
    expect(before.reasons).toContain('父亲年满55周岁后可享受（还差 1 天，2024-03-01 满55周岁）');
  });
  it('not in the scheme: no', () => {
    const v = verdict(ruralDisabled, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('未登记参加城乡居民养老保险（新农保）');
  });
  it('an urban family: no, saying it is for rural households', () => {
    const v = verdict({ ...urbanBereaved, ruralPensionEnrolledOn: '2020-01-01' }, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('此项政策适用于农村户籍，本家庭为城镇户籍');
  });
});

describe('优秀女孩成才奖 (outstanding-girl-award)', () => {
  const id = 'outstanding-girl-award';
  const admitted = withChild(ruralDisabled, 0, { universityAdmittedOn: '2025-08-10' });
  it('from the admission day, not the day before', () => {
    const on = verdict(admitted, id, '2025-08-10');
    expect(on.eligible).toBe(true);
    expect(on.reasons).toContain('女儿已考入大学（2025-08-10 录取），录取一年内可享受');
    const before = verdict(admitted, id, '2025-08-09');
    expect(before.eligible).toBe(false);
    expect(before.reasons).toContain('女儿 2025-08-10 录取，届时可享受');
  });
  it('for a year: the last day and the day after', () => {
    expect(verdict(admitted, id, '2026-08-09').eligible).toBe(true);
    const after = verdict(admitted, id, '2026-08-10');
    expect(after.eligible).toBe(false);
    expect(after.reasons).toContain('已超过录取后一年的申领期限');
  });
  it('a son admitted: no', () => {
    const son: FamilyFacts = {
      ...ruralDisabled,
      children: [
        {
          birthDate: '2007-09-01',
          sex: 'M',
          alive: true,
          adopted: false,
          universityAdmittedOn: '2026-05-01',
        },
      ],
    };
    const v = verdict(son, id);
    expect(v.eligible).toBe(false);
    expect(v.reasons).toContain('未登记女儿考入大学');
  });
  it('an urban family: no', () => {
    const urban = { ...admitted, hukouType: 'urban' as const };
    expect(verdict(urban, id, '2026-01-01').eligible).toBe(false);
  });
});
