import { addDays, addWorkingDays, addYears } from '@hongjia/shared';

/**
 * The 育儿补贴 timing rules, pure (dates are Asia/Shanghai days, YYYY-MM-DD):
 * review within 30 working days of the submission day; an approved application
 * is confirmed once a year (年度确认) while the child still has months to be
 * paid; the confirmation opens, and the reminder goes out, 30 days before it is due.
 */
export const reviewWorkingDays = 30;
export const renewalWindowDays = 30;

export function reviewDueBy(submittedOn: string): string {
  return addWorkingDays(submittedOn, reviewWorkingDays);
}

/**
 * The next confirmation, a year after `from` (the approval day, or the
 * confirmation just made), if the child still has paid months from its month
 * on; '' when the last paid month comes before it (nothing left to confirm).
 */
export function nextRenewal(from: string, lastMonth: string): string {
  const next = addYears(from, 1); // 29 February → 28 February
  return next.slice(0, 7) <= lastMonth ? next : '';
}

/** The confirmation can be made (and is reminded of) from 30 days before it is due, and any time after. */
export function renewalOpen(renewalDueOn: string, today: string): boolean {
  return renewalDueOn !== '' && today >= addDays(renewalDueOn, -renewalWindowDays);
}

/** One year's disbursement as stored on the application. */
export interface SubsidyPayment {
  year: number;
  amountYuan: number;
  paidAt: string;
}

export type PaymentRefusal =
  | { kind: 'not_approved'; message: string }
  | { kind: 'already_paid'; message: string; path: 'body.year'; payment: SubsidyPayment }
  | { kind: 'refused'; message: string; path: 'body.year' | 'body.amountYuan' };

const yuanText = (amount: number) => `${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
const sameAmount = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/**
 * Whether a year of an application may be recorded as paid today (Shanghai day):
 * only an approved application; only a year of its byYear; a year once; not a year
 * still ahead (paid in arrears or within the year, never in advance); and exactly
 * that year's amount in byYear — the entitlement computed from the policy data when
 * the application was filed, so no amount is ever decided here. Undefined: allowed.
 */
export function paymentRefusal(
  application: {
    status: string;
    byYear: ReadonlyArray<{ year: number; months: number; amountYuan: number }>;
    payments?: ReadonlyArray<SubsidyPayment> | undefined;
  },
  request: { year: number; amountYuan: number },
  today: string,
): PaymentRefusal | undefined {
  if (application.status !== 'approved') {
    return { kind: 'not_approved', message: '只有审核通过的申请才能登记发放' };
  }
  const owed = application.byYear.find((y) => y.year === request.year);
  if (!owed) {
    const years = application.byYear.map((y) => `${y.year} 年`).join('、');
    return {
      kind: 'refused',
      path: 'body.year',
      message: `该申请没有 ${request.year} 年的补贴（补贴年度：${years || '无'}）`,
    };
  }
  const paid = application.payments?.find((p) => p.year === request.year);
  if (paid) {
    return {
      kind: 'already_paid',
      path: 'body.year',
      payment: paid,
      message: `${request.year} 年的育儿补贴已登记发放（${yuanText(paid.amountYuan)}），不能重复登记`,
    };
  }
  if (request.year > Number(today.slice(0, 4))) {
    return {
      kind: 'refused',
      path: 'body.year',
      message: `${request.year} 年的补贴还未到发放年度，只能登记当年或以前年度的发放`,
    };
  }
  if (!sameAmount(owed.amountYuan, request.amountYuan)) {
    return {
      kind: 'refused',
      path: 'body.amountYuan',
      message: `${request.year} 年应发放 ${yuanText(owed.amountYuan)}（${owed.months} 个月），与登记的 ${yuanText(request.amountYuan)}不一致，请核对后再登记`,
    };
  }
  return undefined;
}

/** The payments after recording one, in year order. */
export function withPayment<P extends SubsidyPayment>(
  payments: ReadonlyArray<P> | undefined,
  payment: P,
): P[] {
  return [...(payments ?? []), payment].sort((a, b) => a.year - b.year);
}
