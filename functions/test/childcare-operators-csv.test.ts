import { creditCodeCheckCharacter } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { readOperatorCsv } from '../src/childcare/programmes/operators';

const code = (n: number) => {
  const first17 = `91360102${String(100_000_000 + n).slice(-9)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
};

/** The known-operator import (decision 0034): header check, then each row on its own with its row number. */
describe('known-operator CSV', () => {
  it('reads columns in any order, with a BOM, and reports bad rows by row and field', () => {
    const csv = `\uFEFF机构名称,地址,统一社会信用代码\n小星星托育,八一大道 1 号,${code(1)}\n坏代码托育,,91360102000000000X\n,,${code(2)}\n阳光托育,,${code(3).toLowerCase()}\n`;
    const { rows, errors, total } = readOperatorCsv(csv);
    expect(total).toBe(4);
    expect(rows.map((r) => [r.row, r.operator.creditCode, r.operator.name])).toEqual([
      [2, code(1), '小星星托育'],
      [5, code(3), '阳光托育'],
    ]);
    expect(rows[0]?.operator.address).toBe('八一大道 1 号');
    expect(errors).toEqual([
      { row: 3, field: '统一社会信用代码', message: expect.stringContaining('不正确') },
      { row: 4, field: '机构名称', message: expect.stringContaining('2–60') },
    ]);
  });

  it('refuses a file whose header lacks a required column', () => {
    expect(() => readOperatorCsv(`名称,地址\n小星星,x\n`)).toThrow(/表头缺少列：统一社会信用代码、机构名称/);
  });
});
