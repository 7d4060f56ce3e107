import type { SubsidyStatus, SubsidyView } from '@hongjia/shared';
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
