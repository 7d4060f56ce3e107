import type { NotificationMessage } from '../notifications';
import type { SubsidyItem } from './entity';

export const subsidiesPage = '/packages/family/pages/subsidies/index';

const yuan = (amount: number) => amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The applicant's message for a decision (names masked: a message may show on a lock screen). */
export function decisionMessage(item: SubsidyItem): NotificationMessage {
  const child = item.childNameMasked;
  if (item.status === 'approved') {
    return {
      kind: 'subsidy_status',
      title: '育儿补贴申请已通过',
      body: `${child}的育儿补贴已审核通过：${item.firstMonth} 至 ${item.lastMonth} 共 ${item.months} 个月，合计 ${yuan(item.amountYuan)} 元。${item.renewalDueOn ? `请于 ${item.renewalDueOn} 前后完成年度确认。` : ''}`,
      link: subsidiesPage,
    };
  }
  return {
    kind: 'subsidy_status',
    title: '育儿补贴申请未通过',
    body: `${child}的育儿补贴申请未通过审核。原因：${item.comment ?? '请查看申请详情'}`,
    link: subsidiesPage,
  };
}

export function renewalMessage(item: SubsidyItem): NotificationMessage {
  return {
    kind: 'subsidy_renewal',
    title: '育儿补贴年度确认提醒',
    body: `${item.childNameMasked}的育儿补贴需在 ${item.renewalDueOn} 前完成年度确认，确认后继续发放。`,
    link: subsidiesPage,
  };
}

/** 2025 年育儿补贴 2,700 元已发放 (the child masked, as every message). */
export function paymentMessage(
  item: SubsidyItem,
  payment: { year: number; amountYuan: number },
): NotificationMessage {
  return {
    kind: 'subsidy_status',
    title: '育儿补贴已发放',
    body: `${item.childNameMasked}的 ${payment.year} 年育儿补贴 ${yuan(payment.amountYuan)} 元已发放，请留意到账。`,
    link: subsidiesPage,
  };
}

/** The neutral word after a conflict check: nothing about another applicant (decision 0013). */
export const voidedComment =
  '经工作人员核对，本申请未予受理。如有疑问，请咨询孩子户籍所在地县区卫生健康委员会。';

export function conflictCheckedMessage(
  childNameMasked: string,
  outcome: 'stands' | 'voided',
): NotificationMessage {
  return {
    kind: 'subsidy_status',
    title: '育儿补贴申请核对结果',
    body:
      outcome === 'voided'
        ? `经工作人员核对，${childNameMasked}的育儿补贴申请未予受理。如有疑问，请咨询孩子户籍所在地县区卫生健康委员会。`
        : `经工作人员核对，${childNameMasked}的育儿补贴申请继续办理，结果以「我的育儿补贴」中显示为准。`,
    link: subsidiesPage,
  };
}
