import { describe, expect, it } from 'vitest';
import { type BundleDraft, checkBundle } from '../src/birth-bundle/form';
import { itemStatusText, stillMoving } from '../src/birth-bundle/labels';

const today = '2026-11-29';
const good: BundleDraft = {
  medicalCertificateNo: 'r360123456',
  childName: '李小宝',
  childSex: 'M',
  childBirthDate: '2026-11-20',
  birthWeightG: '3200',
  hospital: '江西省妇幼保健院',
  householdDistrict: '360102',
  items: ['household_registration', 'medical_insurance'],
  consent: true,
};

describe('出生一件事 item status', () => {
  it('reads each status in plain words', () => {
    expect(itemStatusText({ status: 'accepted', attempts: 1 })).toBe('已受理');
    expect(itemStatusText({ status: 'queued', attempts: 0 })).toBe('办理中');
    expect(itemStatusText({ status: 'sending', attempts: 1 })).toBe('办理中');
    expect(itemStatusText({ status: 'retrying', attempts: 3 })).toBe('重试中（第 3 次）');
    expect(itemStatusText({ status: 'failed', attempts: 8 })).toBe('失败');
  });

  it('keeps polling only while an item is on its way', () => {
    expect(stillMoving([{ status: 'accepted' }, { status: 'retrying' }])).toBe(true);
    expect(stillMoving([{ status: 'accepted' }, { status: 'failed' }])).toBe(false);
  });
});

describe('checkBundle', () => {
  it('builds the contract body from a clean form', () => {
    const { errors, body } = checkBundle(good, today);
    expect(errors).toEqual({});
    expect(body?.medicalCertificateNo).toBe('R360123456');
    expect(body?.child.birthWeightG).toBe(3200);
  });

  it('puts each problem on its field', () => {
    const { errors, body } = checkBundle(
      {
        ...good,
        medicalCertificateNo: '123',
        childSex: undefined,
        childBirthDate: '2026-12-01',
        birthWeightG: '50',
        items: [],
        consent: false,
      },
      today,
    );
    expect(body).toBeUndefined();
    expect(errors.medicalCertificateNo).toBe('出生医学证明编号应为 1 位字母加 9 位数字');
    expect(errors.childSex).toBe('请选择孩子性别');
    expect(errors.childBirthDate).toBe('出生日期不能晚于今天');
    expect(errors.birthWeightG).toContain('300–7000');
    expect(errors.items).toBeDefined();
    expect(errors.consent).toBeDefined();
  });
});
