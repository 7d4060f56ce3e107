import type { SubsidyPaymentRequest, SubsidyStatus, SubsidyView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { formatYuan } from '../../../lib/format';

export const subsidyStatusNames: Record<SubsidyStatus, string> = {
  pending_review: '待审核',
  approved: '已通过',
  rejected: '不予发放',
};

/** 2025-03 至 2025-12，共 10 个月，3,000 元 */
export function monthsText(
  s: Pick<SubsidyView, 'firstMonth' | 'lastMonth' | 'months' | 'amountYuan'>,
): string {
  return `${s.firstMonth} 至 ${s.lastMonth}，共 ${s.months} 个月，${formatYuan(s.amountYuan)}`;
}

/** 2025 年 10 个月 3,000 元；2026 年 12 个月 3,600 元 */
export function byYearText(byYear: SubsidyView['byYear']): string {
  return byYear.map((y) => `${y.year} 年 ${y.months} 个月 ${formatYuan(y.amountYuan)}`).join('；');
}

/**
 * One year of an approved application on the 发放 list: `paid` (with the day it was recorded),
 * `due` (this year or earlier, not yet paid: 登记发放 shows), or `later` (the server refuses a
 * year ahead: paid in arrears or within the year, never in advance).
 */
export interface PaymentRow {
  year: number;
  amountYuan: number;
  state: 'paid' | 'due' | 'later';
  text: string;
}

export function paymentRows(
  s: Pick<SubsidyView, 'status' | 'byYear' | 'payments'>,
  today: string,
): PaymentRow[] {
  if (s.status !== 'approved') return [];
  const thisYear = Number(today.slice(0, 4));
  return s.byYear.map((y) => {
    const owed = `${y.year} 年 ${y.months} 个月 ${formatYuan(y.amountYuan)}`;
    const paid = s.payments.find((p) => p.year === y.year);
    if (paid) {
      return {
        year: y.year,
        amountYuan: paid.amountYuan,
        state: 'paid',
        text: `${y.year} 年 ${formatYuan(paid.amountYuan)} · 已于 ${formatChinaDateTime(paid.paidAt).slice(0, 10)} 发放`,
      };
    }
    return y.year > thisYear
      ? { year: y.year, amountYuan: y.amountYuan, state: 'later', text: `${owed} · 未到发放年度` }
      : { year: y.year, amountYuan: y.amountYuan, state: 'due', text: `${owed} · 未发放` };
  });
}

/** The confirmation before 登记发放, naming the child, the year and the amount. */
export function paymentConfirm(
  s: Pick<SubsidyView, 'childNameMasked'>,
  row: Pick<PaymentRow, 'year' | 'amountYuan'>,
): { title: string; message: string } {
  return {
    title: `登记 ${row.year} 年发放？`,
    message: `${s.childNameMasked}：${row.year} 年育儿补贴 ${formatYuan(row.amountYuan)}。请在款项实际发放后登记；登记后家庭会收到发放通知，不能撤销。`,
  };
}

/** The request: the amount is the year's computed amount as the server holds it, with the version loaded. */
export function paymentBody(
  s: Pick<SubsidyView, 'version'>,
  row: Pick<PaymentRow, 'year' | 'amountYuan'>,
): SubsidyPaymentRequest {
  return { year: row.year, amountYuan: row.amountYuan, expectedVersion: s.version };
}
