import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../src/identity';
import { checkHeader, type MonitoringSource, sourceHeaders, validateRow } from '../src/monitoring';

/** Validation vectors of the four layouts (SPEC C4): each bad cell named by field with a Chinese message. */
const today = '2026-01-10';

function id(region: string, birth: string, sexDigit: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}01${sexDigit}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}
const mother = id('360102', '1994-03-01', 2);
const father = id('360102', '1992-05-01', 1);

const valid: Record<MonitoringSource, Record<string, string>> = {
  hospital_delivery: {
    deliveryId: 'D-1',
    motherIdNumber: mother,
    motherName: '李秀兰',
    hospital: '南昌市妇幼保健院',
    district: '360102',
    deliveryDate: '2025-03-05',
    childSex: 'M',
    birthWeightG: '3300',
    parity: '1',
  },
  vaccination: {
    recordId: 'V-1',
    childName: '张小宝',
    childBirthDate: '2025-03-05',
    motherIdNumber: mother,
    vaccine: '乙肝疫苗',
    dose: '1',
    vaccinatedAt: '2025-03-06',
    district: '360102',
  },
  birth_certificate: {
    certNo: 'Q1',
    childName: '张小宝',
    childSex: 'M',
    childBirthDate: '2025-03-05',
    motherIdNumber: mother,
    fatherIdNumber: father,
    hospital: '南昌市妇幼保健院',
    district: '360102',
    issuedAt: '2025-03-08',
  },
  household_migration: {
    recordId: 'M-1',
    idNumber: father,
    direction: 'in',
    fromDistrict: '110105',
    toDistrict: '360111',
    date: '2025-04-01',
  },
};

const errorsOf = (source: MonitoringSource, change: Record<string, string>) => {
  const result = validateRow(source, { ...valid[source], ...change }, today);
  return result.ok ? [] : result.errors;
};

describe('row validation', () => {
  it.each(Object.keys(valid) as MonitoringSource[])('accepts a clean %s row', (source) => {
    const result = validateRow(source, valid[source], today);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it.each([
    ['hospital_delivery', { motherIdNumber: '360102199403010000' }, 'motherIdNumber', /身份证号/],
    ['hospital_delivery', { deliveryDate: '2026-02-01' }, 'deliveryDate', /不能晚于今天/],
    ['hospital_delivery', { deliveryDate: '2025-02-30' }, 'deliveryDate', /不是有效日期/],
    ['hospital_delivery', { district: '360199' }, 'district', /不是南昌市的县区/],
    ['hospital_delivery', { childSex: 'X' }, 'childSex', /[\u4e00-\u9fa5]/],
    ['hospital_delivery', { birthWeightG: '120' }, 'birthWeightG', /[\u4e00-\u9fa5]/],
    ['hospital_delivery', { parity: '0' }, 'parity', /[\u4e00-\u9fa5]/],
    ['hospital_delivery', { motherName: '' }, 'motherName', /不能为空/],
    ['vaccination', { vaccinatedAt: '2025-03-01' }, 'vaccinatedAt', /不能早于出生日期/],
    ['vaccination', { dose: '11' }, 'dose', /[\u4e00-\u9fa5]/],
    ['birth_certificate', { fatherIdNumber: '36010219920501011X' }, 'fatherIdNumber', /身份证号/],
    ['household_migration', { direction: 'sideways' }, 'direction', /迁入|迁出/],
    [
      'household_migration',
      { toDistrict: '110105', fromDistrict: '360111', direction: 'in' },
      'toDistrict',
      /南昌市的县区代码/,
    ],
    ['household_migration', { fromDistrict: '360111' }, 'toDistrict', /相同/],
  ] as const)('refuses a %s row with %o in field %s', (source, change, field, message) => {
    const errors = errorsOf(source, change);
    expect(errors).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('lets a birth certificate leave the father empty', () => {
    expect(errorsOf('birth_certificate', { fatherIdNumber: '' })).toEqual([]);
  });

  it('reports every bad field of a row, not only the first', () => {
    const errors = errorsOf('hospital_delivery', { childSex: 'X', parity: '0', district: '999999' });
    expect(errors.map((error) => error.field).sort()).toEqual(['childSex', 'district', 'parity']);
  });

  it('reads 迁入/迁出 as the direction and counts a move under the Nanchang side', () => {
    const result = validateRow(
      'household_migration',
      { ...valid.household_migration, direction: '迁出', fromDistrict: '360102', toDistrict: '310101' },
      today,
    );
    expect(result).toMatchObject({ ok: true, row: { direction: 'out', district: '360102' } });
  });
});

describe('header check', () => {
  it('accepts the exact header in any order, with a BOM and spaces', () => {
    const header = [...sourceHeaders.vaccination]
      .reverse()
      .map((name, index) => (index === 0 ? `\uFEFF ${name} ` : name));
    expect(checkHeader('vaccination', header)).toMatchObject({ ok: true });
  });

  it('names the missing and the unknown columns in Chinese', () => {
    const header = sourceHeaders.hospital_delivery.map((name) => (name === 'parity' ? 'parity_no' : name));
    const check = checkHeader(
      'hospital_delivery',
      header.filter((name) => name !== 'hospital'),
    );
    expect(check).toMatchObject({ ok: false, missing: ['hospital', 'parity'], unknown: ['parity_no'] });
    expect(check.ok ? '' : check.message).toMatch(/缺少列：hospital、parity；无法识别的列：parity_no/);
  });

  it('refuses a column given twice', () => {
    expect(checkHeader('household_migration', [...sourceHeaders.household_migration, 'date'])).toMatchObject({
      ok: false,
      unknown: ['date'],
    });
  });
});
