import { describe, expect, it } from 'vitest';
import { ageInYears, idNumberCheckCharacter, parseIdNumber } from '../src/identity/id-number';
import { hadLegalMarriageAge } from '../src/identity/marriage';

const today = '2026-11-29';
/** Builds a valid number from its first 17 digits (the check character is computed). */
const valid = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s worked example and derives its facts', () => {
    // GB 11643-1999 appendix example: 11010519491231002X (a woman born 1949-12-31 in Beijing)
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      facts: { regionCode: '110105', birthDate: '1949-12-31', sex: 'F' },
    });
  });

  it('derives a man from an odd sequence digit and accepts a lower-case x', () => {
    const man = valid('36010219900101123');
    expect(parseIdNumber(man, today)).toMatchObject({
      ok: true,
      facts: { sex: 'M', birthDate: '1990-01-01' },
    });
    const withX = '11010519491231002x';
    expect(parseIdNumber(withX, today).ok).toBe(true);
  });

  it.each([
    ['a wrong check character', '110105194912310021', 'check_character'],
    ['17 digits', '11010519491231002', 'format'],
    ['letters inside', '1101051949123100AX', 'format'],
    ['an unknown province', valid('99010519491231002'), 'region'],
    ['30 February', valid('36010219900230002'), 'birth_date'],
    ['month 13', valid('36010219901301002'), 'birth_date'],
    ['a birth date in the future', valid('36010220300101002'), 'birth_date_in_future'],
    ['a birth date before 1900', valid('36010218991231002'), 'birth_date'],
  ])('refuses %s', (_why, idNumber, problem) => {
    expect(parseIdNumber(idNumber, today)).toEqual({ ok: false, problem });
  });
});

describe('ages and legal marriage age', () => {
  it('counts a year complete on the birthday', () => {
    expect(ageInYears('2004-06-10', '2026-06-09')).toBe(21);
    expect(ageInYears('2004-06-10', '2026-06-10')).toBe(22);
  });

  it('requires 22 for men and 20 for women at the marriage date', () => {
    expect(hadLegalMarriageAge('M', '2004-06-10', '2026-06-10')).toBe(true);
    expect(hadLegalMarriageAge('M', '2004-06-10', '2026-06-09')).toBe(false);
    expect(hadLegalMarriageAge('F', '2006-06-10', '2026-06-10')).toBe(true);
    expect(hadLegalMarriageAge('F', '2006-06-10', '2026-06-09')).toBe(false);
  });
});
