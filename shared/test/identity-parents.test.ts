import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../src/identity/id-number';
import { checkParents } from '../src/identity/parents';

const today = '2026-11-29';
const valid = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const mother = { idNumber: valid('36010219950315002') };
const father = { idNumber: valid('36010219930620001') };

describe('checking the parents of a registration', () => {
  it('derives both parents’ birth dates and regions when all is well', () => {
    expect(checkParents({ mother, father, marriageDate: '2020-05-20' }, today)).toEqual({
      ok: true,
      mother: { birthDate: '1995-03-15', regionCode: '360102' },
      father: { birthDate: '1993-06-20', regionCode: '360102' },
    });
  });

  it.each([
    [
      'a wrong check character',
      { mother: { idNumber: `${mother.idNumber.slice(0, 17)}${mother.idNumber.endsWith('0') ? '1' : '0'}` } },
      'mother.idNumber',
      '校验位',
    ],
    [
      'an impossible date',
      { father: { idNumber: valid('36010219930230001') } },
      'father.idNumber',
      '出生日期不存在',
    ],
    [
      'a mother whose number says male',
      { mother: { idNumber: valid('36010219950315001') } },
      'mother.idNumber',
      '男性',
    ],
    [
      'a father whose number says female',
      { father: { idNumber: valid('36010219930620002') } },
      'father.idNumber',
      '女性',
    ],
  ])('names the field for %s', (_label, change, path, words) => {
    const result = checkParents({ mother, father, marriageDate: '2020-05-20', ...change }, today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path, message: expect.stringContaining(words) });
  });

  it('refuses a marriage before either legal age, exactly at the birthday it is fine', () => {
    // Mother born 1995-03-15 turns 20 on 2015-03-15; father born 1993-06-20 turns 22 on 2015-06-20.
    const early = checkParents({ mother, father, marriageDate: '2015-06-19' }, today);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.problems.map((p) => p.message).join()).toContain('22 周岁');
    expect(checkParents({ mother, father, marriageDate: '2015-06-20' }, today).ok).toBe(true);
    const girl = checkParents({ mother, father, marriageDate: '2015-03-14' }, today);
    expect(girl.ok).toBe(false);
    if (!girl.ok) expect(girl.problems.map((p) => p.message).join()).toContain('20 周岁');
  });

  it('refuses a marriage date in the future and the same number for both', () => {
    const future = checkParents({ mother, father, marriageDate: '2027-01-01' }, today);
    expect(future.ok ? [] : future.problems.map((p) => p.path)).toEqual(['marriageDate']);
    const same = checkParents({ mother, father: mother, marriageDate: '2020-01-01' }, today);
    expect(same.ok ? [] : same.problems.map((p) => p.path)).toContain('father.idNumber');
  });
});
