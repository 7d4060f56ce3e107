import { creditCodeCheckCharacter } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  checkFiling,
  classIssues,
  creditCodeIssue,
  type FilingDraft,
  slotCapacityIssue,
} from '../src/childcare/filing-form';

const first17 = '91360100MA35XXXX0';
const validCode = `${first17}${creditCodeCheckCharacter(first17)}`;

const draft: FilingDraft = {
  name: '红谷滩示范托育中心',
  creditCode: validCode,
  address: '红谷滩区丰和中大道 1 号',
  district: '360113',
  lat: '28.6985',
  lng: '115.8582',
  affordable: true,
  monthlyFee: '1500',
  classes: [{ ageClass: 'toddler', capacity: '15', caregivers: '3' }],
};

describe('filing form', () => {
  it('builds the request body from a valid form', () => {
    const { errors, body } = checkFiling(draft);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ creditCode: validCode, lat: 28.6985, monthlyFeeYuan: 1500 });
    expect(body?.classes).toEqual([{ ageClass: 'toddler', capacity: 15, caregivers: 3 }]);
  });

  it('checks the credit code as it is typed', () => {
    expect(creditCodeIssue('')).toBeUndefined();
    expect(creditCodeIssue('9136')).toBe('还差 14 位（共 18 位）');
    const wrong = `${first17}${creditCodeCheckCharacter(first17) === '0' ? '1' : '0'}`;
    expect(creditCodeIssue(wrong)).toContain('无效');
    expect(creditCodeIssue(validCode.toLowerCase())).toBeUndefined();
  });

  it('keeps a class within its maximum and staffed to the ratio', () => {
    expect(classIssues({ ageClass: 'infant', capacity: '11', caregivers: '4' }).capacity).toBe(
      '乳儿班最多 10 人',
    );
    expect(classIssues({ ageClass: 'infant', capacity: '10', caregivers: '3' }).caregivers).toContain(
      '至少需要 4 名',
    );
    expect(classIssues({ ageClass: 'infant', capacity: '10', caregivers: '4' })).toEqual({});
  });

  it('keys class errors like the server paths, so API details land on the same field', () => {
    const { errors, body } = checkFiling({
      ...draft,
      classes: [...draft.classes, { ageClass: 'preschool', capacity: '21', caregivers: '3' }],
    });
    expect(body).toBeUndefined();
    expect(errors['classes.1.capacity']).toBe('托大班最多 20 人');
  });

  it('refuses a location outside Nanchang and a missing district', () => {
    const { errors } = checkFiling({ ...draft, district: undefined, lat: '39.9' });
    expect(errors.district).toBeDefined();
    expect(errors.lat).toBeDefined();
  });

  it('caps a slot at its class maximum', () => {
    expect(slotCapacityIssue('toddler', '16')).toBe('托小班每个时段最多 15 个名额');
    expect(slotCapacityIssue('toddler', '15')).toBeUndefined();
    expect(slotCapacityIssue('toddler', '0')).toBeDefined();
  });
});
