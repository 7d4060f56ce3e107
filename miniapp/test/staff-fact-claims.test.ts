import type { CoverageResponse } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { uninsuredSection } from '../src/packages/staff/model/coverage';
import {
  emptyChild,
  emptyPolicyFacts,
  policyFactsFrom,
  policyFactsRequest,
  policyFactsUpdate,
  validatePolicyFacts,
} from '../src/packages/staff/model/policy-facts';
import { factClaimSummary } from '../src/special-assistance/fact-claims';

/** Decision 0039's pages: the claim's one line, the record form's four facts, the uninsured list. */
const today = '2026-09-10';

describe('factClaimSummary', () => {
  it('says the fact, the child and the date in words', () => {
    expect(
      factClaimSummary({
        kind: 'school_stage',
        date: '2026-09-05',
        childBirthDate: '2009-09-01',
        schoolStage: 'high_school',
      }),
    ).toBe('子女在读学段：高中阶段（含中职），子女生于 2009-09-01，证明开具日期 2026-09-05');
    expect(factClaimSummary({ kind: 'rural_pension', date: '2025-07-01' })).toBe(
      '城乡居民养老保险参保：参保日期 2025-07-01',
    );
  });
});

describe('policy facts on the record form', () => {
  it('sends only what was typed when a record is made', () => {
    expect(policyFactsRequest(emptyPolicyFacts())).toEqual({});
    const typed = {
      ...emptyPolicyFacts(),
      children: [
        { ...emptyChild(), birthDate: '2008-09-01', sex: 'F' as const, schoolStage: 'university' as const },
      ],
      medicalInsuranceEnrolledOn: '2026-01-01',
    };
    expect(policyFactsRequest(typed)).toEqual({
      children: [
        { birthDate: '2008-09-01', sex: 'F', alive: true, adopted: false, schoolStage: 'university' },
      ],
      medicalInsuranceEnrolledOn: '2026-01-01',
    });
  });

  it('keeps adoption as on the record and clears an emptied enrolment on save', () => {
    const draft = policyFactsFrom({
      children: [{ birthDate: '2010-02-02', alive: true, adopted: true, adoptedOn: '2011-01-01' }],
      ruralPensionEnrolledOn: '2020-01-01',
    });
    const edited = { ...draft, ruralPensionEnrolledOn: '' };
    expect(policyFactsUpdate(edited)).toEqual({
      children: [{ birthDate: '2010-02-02', alive: true, adopted: true, adoptedOn: '2011-01-01' }],
      medicalInsuranceEnrolledOn: null,
      ruralPensionEnrolledOn: null,
    });
  });

  it('checks dates, and that an admission is a daughter’s', () => {
    const draft = {
      ...emptyPolicyFacts(),
      children: [
        { ...emptyChild(), birthDate: '2030-01-01', universityAdmittedOn: '2026-07-20', sex: 'M' as const },
      ],
      ruralPensionEnrolledOn: '2026-13-01',
    };
    const errors = validatePolicyFacts(draft, today);
    expect(errors['children.0.birthDate']).toBe('子女出生日期不能晚于今天');
    expect(errors['children.0.universityAdmittedOn']).toMatch(/女儿/);
    expect(errors.ruralPensionEnrolledOn).toBeDefined();
    expect(validatePolicyFacts(emptyPolicyFacts(), today)).toEqual({});
  });
});

describe('uninsuredSection', () => {
  it('lists the families without a cover in force and counts those with one', () => {
    const lacking = [{ id: 'sf_1', district: '360102' as const, label: '失独家庭 王**' }];
    const section = uninsuredSection({
      families: 4,
      withCriticalIllnessCover: 3,
      lacking: { contactPerson: [], familyDoctor: [], greenChannel: [], criticalIllnessCover: lacking },
    } as unknown as CoverageResponse);
    expect(section.title).toBe('未参加重大疾病综合商业保险（1 户）');
    expect(section.families).toEqual(lacking);
    expect(section.covered.text).toBe('3（75.0%）');
  });
});
