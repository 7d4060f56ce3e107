import { FactClaimInput } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { childIndexFor, recordChangeFor } from '../src/fact-claims/facts';

/**
 * Decision 0039, the pure part: which child a claim names, the record change an approval makes
 * (in the staff update's own terms), and what a claim must carry.
 */
const girl = { birthDate: '2008-09-01', sex: 'F' as const, alive: true, adopted: false };
const boy = { birthDate: '2012-03-03', sex: 'M' as const, alive: true, adopted: false };
const died = { birthDate: '2005-01-01', alive: false, adopted: false };

describe('childIndexFor', () => {
  it.each([
    ['the living child born that day', [died, girl, boy], '2012-03-03', 2],
    ['not a child who died', [died, girl], '2005-01-01', -1],
    ['no child born that day', [girl, boy], '2010-01-01', -1],
    [
      'the only living child when the record has no birth date for it',
      [{ alive: true, adopted: false }],
      '2010-01-01',
      0,
    ],
    ['not when the only living child has another birth date on record', [girl], '2010-01-01', -1],
    ['nobody without a birth date', [girl], undefined, -1],
  ] as const)('%s', (_, children, birthDate, expected) => {
    expect(childIndexFor(children, birthDate)).toBe(expected);
  });
});

describe('recordChangeFor', () => {
  const record = { children: [died, girl, boy], version: 4 };

  it('puts the stage on the named child only, keeping the others as they are', () => {
    const change = recordChangeFor(
      'school_stage',
      { date: '2026-09-05', childBirthDate: '2008-09-01', schoolStage: 'high_school' },
      record,
    );
    expect(change).toEqual({
      expectedVersion: 4,
      children: [died, { ...girl, schoolStage: 'high_school' }, boy],
    });
  });

  it('dates the admission on the named daughter', () => {
    const change = recordChangeFor(
      'university_admission',
      { date: '2026-07-20', childBirthDate: '2008-09-01' },
      record,
    );
    expect(change?.children?.[1]).toEqual({ ...girl, universityAdmittedOn: '2026-07-20' });
  });

  it('sets an enrolment date without touching the children', () => {
    expect(recordChangeFor('medical_insurance', { date: '2026-01-01' }, record)).toEqual({
      expectedVersion: 4,
      medicalInsuranceEnrolledOn: '2026-01-01',
    });
    expect(recordChangeFor('rural_pension', { date: '2025-07-01' }, record)).toEqual({
      expectedVersion: 4,
      ruralPensionEnrolledOn: '2025-07-01',
    });
  });

  it('makes no change for a child the record does not hold', () => {
    expect(
      recordChangeFor('school_stage', { date: '2026-09-05', childBirthDate: '2011-01-01' }, record),
    ).toBe(undefined);
  });
});

describe('FactClaimInput', () => {
  const file = { attachmentIds: ['upl_1'] };
  const problems = (value: unknown) => {
    const parsed = FactClaimInput.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes each kind with what it needs', () => {
    expect(
      problems({
        kind: 'school_stage',
        date: '2026-09-05',
        childBirthDate: '2008-09-01',
        schoolStage: 'university',
        ...file,
      }),
    ).toEqual([]);
    expect(
      problems({ kind: 'university_admission', date: '2026-07-20', childBirthDate: '2008-09-01', ...file }),
    ).toEqual([]);
    expect(problems({ kind: 'rural_pension', date: '2025-07-01', ...file })).toEqual([]);
  });

  it('says in Chinese what is missing or does not belong', () => {
    expect(problems({ kind: 'school_stage', date: '2026-09-05', ...file })).toEqual([
      'childBirthDate: 请填写子女的生日',
      'schoolStage: 请选择子女在读学段',
    ]);
    expect(
      problems({ kind: 'medical_insurance', date: '2026-01-01', childBirthDate: '2008-09-01', ...file }),
    ).toEqual(['kind: 参保事项不需要填写子女信息']);
    expect(problems({ kind: 'medical_insurance', date: '2026-01-01', attachmentIds: [] })).toEqual([
      'attachmentIds: 请上传证明材料',
    ]);
  });
});
