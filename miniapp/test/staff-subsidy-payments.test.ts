import type { SubsidyView } from '@hongjia/shared';
import { SubsidyPaymentRequest } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { paymentBody, paymentConfirm, paymentRows } from '../src/packages/staff/model/subsidies';

/** Born 2025-03-15: 2025 … 2028; approved, version 3 after one payment. */
const younger: Pick<SubsidyView, 'status' | 'byYear' | 'payments' | 'version' | 'childNameMasked'> = {
  status: 'approved',
  byYear: [
    { year: 2025, months: 10, amountYuan: 3000 },
    { year: 2026, months: 12, amountYuan: 3600 },
    { year: 2027, months: 12, amountYuan: 3600 },
    { year: 2028, months: 2, amountYuan: 600 },
  ],
  // Recorded at 23:30 on 2026-03-01 in Nanchang (15:30 UTC): the day shown is Nanchang's.
  payments: [{ year: 2025, amountYuan: 3000, paidAt: '2026-03-01T15:30:00.000Z' }],
  version: 3,
  childNameMasked: '李**',
};

describe('育儿补贴 发放 rows (staff)', () => {
  it('shows paid years with the day, offers 登记发放 for this year and earlier, and not for years ahead', () => {
    expect(paymentRows(younger, '2026-11-29')).toEqual([
      { year: 2025, amountYuan: 3000, state: 'paid', text: '2025 年 3,000 元 · 已于 2026-03-01 发放' },
      { year: 2026, amountYuan: 3600, state: 'due', text: '2026 年 12 个月 3,600 元 · 未发放' },
      { year: 2027, amountYuan: 3600, state: 'later', text: '2027 年 12 个月 3,600 元 · 未到发放年度' },
      { year: 2028, amountYuan: 600, state: 'later', text: '2028 年 2 个月 600 元 · 未到发放年度' },
    ]);
    // On 1 January the new year becomes payable.
    expect(paymentRows(younger, '2027-01-01').map((r) => r.state)).toEqual(['paid', 'due', 'due', 'later']);
  });

  it('has no payment rows before approval or after a refusal', () => {
    expect(paymentRows({ ...younger, status: 'pending_review', payments: [] }, '2026-11-29')).toEqual([]);
    expect(paymentRows({ ...younger, status: 'rejected', payments: [] }, '2026-11-29')).toEqual([]);
  });

  it('names the child, the year and the amount before recording', () => {
    expect(paymentConfirm(younger, { year: 2026, amountYuan: 3600 })).toEqual({
      title: '登记 2026 年发放？',
      message: '李**：2026 年育儿补贴 3,600 元。请在款项实际发放后登记；登记后家庭会收到发放通知，不能撤销。',
    });
  });

  it('sends the year’s computed amount with the version loaded, as the contract expects', () => {
    const row = paymentRows(younger, '2026-11-29')[1];
    if (!row) throw new Error('no 2026 row');
    const body = paymentBody(younger, row);
    expect(body).toEqual({ year: 2026, amountYuan: 3600, expectedVersion: 3 });
    expect(SubsidyPaymentRequest.safeParse(body).success).toBe(true);
  });
});
