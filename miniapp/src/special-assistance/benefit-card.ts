import type { BenefitItem } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { formatYuan } from '../lib/format';

export interface BenefitCardModel {
  policyId: string;
  name: string;
  eligible: boolean;
  verdict: '符合' | '暂不符合';
  reasons: string[];
  amount: string;
  /** A standard that is not confirmed yet: shown as a reference, never as a promise. */
  amountNote?: string;
  enrolled: boolean;
  enrolment: string;
  payments: Array<{ key: string; period: string; amount: string; paidAt: string }>;
}

/**
 * 育儿补贴 is never shown on these pages (SPEC C3: no birth or childcare promotion for special
 * families); the server already leaves it out for them, this keeps it out for everyone here.
 */
const notShownHere = new Set(['childcare-subsidy']);

function standard(item: BenefitItem): string | undefined {
  if (item.amountYuanPerYear !== undefined) return `每年 ${formatYuan(item.amountYuanPerYear)}`;
  if (item.amountYuanOneTime !== undefined) return `一次性 ${formatYuan(item.amountYuanOneTime)}`;
  return undefined;
}

function amount(item: BenefitItem): Pick<BenefitCardModel, 'amount' | 'amountNote'> {
  const known = standard(item);
  if (!item.amountConfirmed) {
    return {
      amount: '金额待核实',
      ...(known ? { amountNote: `参考标准：${known}，以工作人员核实的为准` } : {}),
    };
  }
  return { amount: known ?? '金额以工作人员核实的为准' };
}

function enrolment(item: BenefitItem): string {
  if (item.enrolled) {
    return item.enrolledAt ? `已纳入（${formatChinaDateTime(item.enrolledAt).slice(0, 10)}起）` : '已纳入';
  }
  // 免申即享: staff enrol eligible families themselves; the family is never asked to apply.
  return item.eligible ? '未纳入：工作人员会主动为您办理，无需申请' : '未纳入';
}

/** 2026-03 → 2026年3月, 2026 → 2026年. */
export function periodWords(period: string): string {
  const [year, month] = period.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

export function benefitCard(item: BenefitItem): BenefitCardModel {
  return {
    policyId: item.policyId,
    name: item.name,
    eligible: item.eligible,
    verdict: item.eligible ? '符合' : '暂不符合',
    reasons: item.reasons,
    ...amount(item),
    enrolled: item.enrolled,
    enrolment: enrolment(item),
    payments: item.payments.map((p, i) => ({
      key: `${p.period}-${i}`,
      period: periodWords(p.period),
      amount: formatYuan(p.amountYuan),
      paidAt: formatChinaDateTime(p.paidAt).slice(0, 10),
    })),
  };
}

/** The cards of the page: what the family already receives first, then what it qualifies for. */
export function benefitCards(items: readonly BenefitItem[]): BenefitCardModel[] {
  const rank = (c: BenefitCardModel) => (c.enrolled ? 0 : c.eligible ? 1 : 2);
  return items
    .filter((item) => !notShownHere.has(item.policyId))
    .map(benefitCard)
    .sort((a, b) => rank(a) - rank(b));
}
