import { describe, expect, it } from 'vitest';
import { newVerifyCode } from '../src/registration/certificate-issue';
import {
  type CheckInput,
  nearlySameName,
  type RelatedRegistration,
  reviewReasons,
} from '../src/registration/rules';

const input: CheckInput = {
  kind: 'registration',
  parity: 1,
  existingChildren: 0,
  motherName: '王小红',
  fatherName: '李大明',
  motherRegionCode: '360102',
  pregnancyDate: '2027-03-01',
};
const other = (overrides: Partial<RelatedRegistration>): RelatedRegistration => ({
  registrationId: 'reg_other',
  receiptNo: 'SY20260101360102000001',
  status: 'approved',
  parity: 1,
  pregnancyDate: '2027-03-01',
  motherName: '王小红',
  fatherName: '李大明',
  ...overrides,
});
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('automated review reasons', () => {
  it('has none for a clean first child', () => {
    expect(reviewReasons(input, [], [])).toEqual([]);
  });

  it('wants parity = declared children + 1', () => {
    expect(codes(reviewReasons({ ...input, parity: 2 }, [], []))).toEqual(['PARITY_MISMATCH']);
    expect(reviewReasons({ ...input, parity: 2, existingChildren: 1 }, [], [])).toEqual([]);
  });

  it('sends re-approvals, a fourth child and a mother from outside Jiangxi to review', () => {
    expect(codes(reviewReasons({ ...input, kind: 'reapproval' }, [], []))).toEqual([
      'REAPPROVAL_NEEDS_REVIEW',
    ]);
    expect(codes(reviewReasons({ ...input, parity: 4, existingChildren: 3 }, [], []))).toEqual([
      'PARITY_BEYOND_POLICY',
    ]);
    expect(codes(reviewReasons({ ...input, motherRegionCode: '440106' }, [], []))).toEqual([
      'ID_REGION_OUTSIDE_PROVINCE',
    ]);
  });

  it('names the same mother’s registration with a due date within 180 days, either side', () => {
    for (const pregnancyDate of ['2026-09-02', '2027-08-28']) {
      const reasons = reviewReasons(input, [other({ pregnancyDate, status: 'pending_review' })], []);
      expect(reasons).toEqual([
        expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: 'reg_other' }),
      ]);
    }
    expect(reviewReasons(input, [other({ pregnancyDate: '2027-08-29', parity: 0 })], [])).toEqual([]);
    expect(reviewReasons(input, [other({ status: 'rejected' })], [])).toEqual([]);
  });

  it('ignores a voided approval: it holds no pregnancy and no child on record', () => {
    expect(reviewReasons(input, [other({ status: 'voided' })], [])).toEqual([]);
    expect(reviewReasons(input, [other({ status: 'voided', pregnancyDate: '2024-01-01' })], [])).toEqual([]);
    expect(reviewReasons(input, [], [other({ status: 'voided', motherName: '王晓红' })])).toEqual([]);
  });

  it('names an approved record of this or a later parity outside the window', () => {
    const record = other({ pregnancyDate: '2024-01-01' });
    expect(codes(reviewReasons(input, [record], []))).toEqual(['PARITY_RECORD_CONFLICT']);
    expect(reviewReasons({ ...input, parity: 2, existingChildren: 1 }, [record], [])).toEqual([]);
  });

  it('names a near-identical couple with the same birth dates in the window', () => {
    const near = other({ motherName: '王晓红' });
    expect(codes(reviewReasons(input, [], [near]))).toEqual(['SUSPECTED_DUPLICATE']);
    expect(reviewReasons(input, [], [other({ motherName: '张晓红' })])).toEqual([]);
  });
});

describe('names and codes', () => {
  it('treats names one character apart as nearly the same', () => {
    expect(nearlySameName('王小红', '王晓红')).toBe(true);
    expect(nearlySameName('欧阳小红', '欧阳红')).toBe(true);
    expect(nearlySameName('阿依·古丽', '阿依古丽')).toBe(true);
    expect(nearlySameName('王小红', '张晓红')).toBe(false);
  });

  it('makes 12-character verification codes without 0, O, 1 or I', () => {
    const codes = Array.from({ length: 200 }, newVerifyCode);
    expect(codes.every((code) => /^[A-HJ-NP-Z2-9]{12}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(200);
  });
});
