import { evaluatePolicies, seedPolicies } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { identityFacts, specialFamilyFacts } from '../src/benefits/facts';
import { bereavedFamily, member } from './benefits-fixtures';

describe('facts of a special-family record', () => {
  it('takes kind, household, parents, children, event date and retirement from the record', () => {
    const family = bereavedFamily('fam_1', '1970-05-10', {
      hukouType: 'rural',
      members: [member('mother', '1970-05-10', { retiredOn: '2020-05-10' }), member('father', '1968-01-20')],
    });
    expect(specialFamilyFacts(family)).toEqual({
      familyKind: 'bereaved',
      hukouType: 'rural',
      motherBirthDate: '1970-05-10',
      fatherBirthDate: '1968-01-20',
      children: [{ birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false }],
      childEventDate: '2019-09-09',
      motherRetiredOn: '2020-05-10',
    });
  });

  it('implies the only child from the kind when no child is recorded', () => {
    expect(specialFamilyFacts(bereavedFamily('f', '1970-01-01', { children: [] })).children).toEqual([
      { alive: false, adopted: false },
    ]);
    const disabled = bereavedFamily('f', '1970-01-01', { kind: 'disabled', children: [] });
    expect(specialFamilyFacts(disabled).children).toEqual([{ alive: true, adopted: false }]);
  });

  it('leaves a parent out when only one is on the record', () => {
    const facts = specialFamilyFacts(
      bereavedFamily('f', '1970-01-01', { members: [member('mother', '1970-01-01')] }),
    );
    expect(facts.motherBirthDate).toBe('1970-01-01');
    expect(facts).not.toHaveProperty('fatherBirthDate');
  });

  it('keeps an adoption date for the engine', () => {
    const family = bereavedFamily('f', '1970-01-01', {
      children: [
        { birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false },
        { birthDate: '2012-01-01', alive: true, adopted: true, adoptedOn: '2021-01-01' },
      ],
    });
    expect(specialFamilyFacts(family).children?.[1]).toEqual({
      birthDate: '2012-01-01',
      alive: true,
      adopted: true,
      adoptedOn: '2021-01-01',
    });
  });
});

describe('facts of a user known only by real name', () => {
  it('uses their own birth date as mother or father by sex, nothing else', () => {
    expect(identityFacts({ birthDate: '1980-02-02', sex: 'F' })).toEqual({
      familyKind: 'none',
      motherBirthDate: '1980-02-02',
    });
    expect(identityFacts({ birthDate: '1960-02-02', sex: 'M' })).toEqual({
      familyKind: 'none',
      fatherBirthDate: '1960-02-02',
    });
  });

  it('lets the engine say what is not on record instead of guessing', () => {
    const results = evaluatePolicies(
      identityFacts({ birthDate: '1960-02-02', sex: 'M' }),
      seedPolicies,
      '2026-06-01',
    );
    const rural = results.find((r) => r.policyId === 'rural-family-reward');
    expect(rural?.eligible).toBe(false);
    expect(rural?.reasons).toEqual([
      '未登记户籍，无法判断',
      '未登记生育情况，无法判断',
      '父亲已满60周岁（2020-02-02 满60周岁）',
    ]);
    const childcare = results.find((r) => r.policyId === 'childcare-subsidy');
    expect(childcare?.reasons).toEqual(['未登记子女出生日期，无法判断']);
  });
});
