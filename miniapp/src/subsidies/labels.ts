import type { SubsidyStatus, SubsidyView } from '@hongjia/shared';
import { addDays } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { formatYuan } from '../lib/format';
import { monthWords, type YearRow, yearRows } from './preview';

export const subsidyStatusNames: Record<SubsidyStatus, string> = {
  pending_review: '审核中',
  approved: '已通过',
  rejected: '未通过',
};

export interface SubsidyCardModel {
  id: string;
  child: string;
  status: SubsidyStatus;
  statusText: string;
  months: string;
  amount: string;
  byYear: YearRow[];
  /** 审核将于…前完成 while pending; the staff's comment after. */
  review?: string;
  /** `open`: the confirmation can be made now (the button shows); `due`: its date has come. */
  renewal?: { text: string; open: boolean; due: boolean };
  payments: Array<{ key: string; text: string }>;
}

function review(view: SubsidyView): string | undefined {
  // The same words for every application under review, whether or not another applicant named the child.
  if (view.status === 'pending_review') {
    return `工作人员将进行核对，县区卫健委将在${spokenDate(view.reviewDueBy)}前审核完`;
  }
  if (view.comment) return `审核意见：${view.comment}`;
  return view.reviewedAt ? `已于 ${formatChinaDateTime(view.reviewedAt)} 审核` : undefined;
}

/** The server opens 年度确认 this many days before it is due (functions/src/subsidies/rules.ts). */
export const renewalWindowDays = 30;

/** The yearly confirmation of an approved application: when, and whether it can be made yet. */
function renewal(view: SubsidyView, today: string): SubsidyCardModel['renewal'] {
  if (view.status !== 'approved' || !view.renewalDueOn) return undefined;
  const due = view.renewalDueOn <= today;
  const opensOn = addDays(view.renewalDueOn, -renewalWindowDays);
  const open = today >= opensOn;
  const text = due
    ? `年度确认已到期（${spokenDate(view.renewalDueOn)}），确认后继续发放`
    : open
      ? `请在${spokenDate(view.renewalDueOn)}前完成年度确认`
      : `下次年度确认：${spokenDate(view.renewalDueOn)}前，${spokenDate(opensOn)}起可以办理`;
  return { text, open, due };
}

export function subsidyCard(view: SubsidyView, today: string): SubsidyCardModel {
  const r = renewal(view, today);
  const reviewText = review(view);
  return {
    id: view.id,
    child: `${view.childNameMasked}（${view.childIdNumberMasked}）`,
    status: view.status,
    statusText: subsidyStatusNames[view.status],
    months: `${view.months} 个月（${monthWords(view.firstMonth)}至${monthWords(view.lastMonth)}）`,
    amount: formatYuan(view.amountYuan),
    byYear: yearRows(view.byYear),
    ...(reviewText ? { review: reviewText } : {}),
    ...(r ? { renewal: r } : {}),
    payments: view.payments.map((p, i) => ({
      key: `${p.year}-${i}`,
      text: `${p.year}年 ${formatYuan(p.amountYuan)} · 发放于 ${formatChinaDateTime(p.paidAt).slice(0, 10)}`,
    })),
  };
}
