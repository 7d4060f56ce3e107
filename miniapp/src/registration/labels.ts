import type { RegistrationStatus, ReviewReason } from '@hongjia/shared';
import type { Kind } from './draft';

/** Chinese names of the registration contract's enums, in one place. */
export const statusNames: Record<RegistrationStatus, string> = {
  approved: '已通过',
  pending_review: '待审核',
  returned: '退回补正',
  rejected: '不予登记',
  voided: '已作废',
};

export const kindNames: Record<Kind, string> = {
  registration: '生育登记',
  reapproval: '再生育审批',
};

/** What 再生育审批 is, in plain words (step 1 and the hub page). */
export const reapprovalExplained =
  '再生育审批：夫妻的情况不符合一般生育登记的条件时（例如已有 3 个及以上子女、再婚后子女情况复杂、子女病残或去世等），需要提出申请并说明原因，由县区卫健部门逐件审核。';

export function parityName(parity: number): string {
  return `第 ${parity} 孩`;
}

/**
 * Why automation could not decide, in words a family (and a new reviewer) understands. Codes
 * the page does not know fall back to the server's own message.
 */
const reasonExplanations: Record<string, string> = {
  PARITY_MISMATCH: '填写的孩次与登记在册的子女数不一致，需要工作人员核对已有子女情况。',
  NEEDS_STAFF_CHECK: '登记信息需要工作人员进一步核对，核对结果会通知您。',
  PARITY_RECORD_CONFLICT: '申报的孩次与登记记录不一致，需要工作人员核对。',
  SUSPECTED_DUPLICATE:
    '可能与已有的一份登记重复（同一位母亲、预产期相近或姓名和出生日期几乎相同），需要核对。',
  REAPPROVAL_NEEDS_REVIEW: '再生育审批需要工作人员逐件审核。',
  IDENTITY_UNVERIFIED: '身份信息无法自动核验，需要工作人员核对。',
  IDENTITY_MISMATCH: '身份证号与姓名或其他记录不一致，需要工作人员核对。',
  MARRIAGE_AGE: '结婚时未达到法定婚龄，需要工作人员核对结婚日期。',
  EXISTING_CHILDREN_MISMATCH: '填写的已有子女与登记在册的记录不一致，需要工作人员核对。',
  OUTSIDE_JURISDICTION: '母亲户籍不在南昌市辖区内，需要工作人员确认受理地。',
};

export function explainReason(reason: Pick<ReviewReason, 'code' | 'message'>): string {
  return reasonExplanations[reason.code] ?? reason.message;
}

/** The status line of a registration as the family reads it. */
export function statusLine(status: RegistrationStatus): string {
  switch (status) {
    case 'approved':
      return '已通过，电子证明已生成，可在“我的证件”中查看和打印。';
    case 'pending_review':
      return '已提交，正在等待县区工作人员审核（一般 5 个工作日内），结果会通知您。';
    case 'returned':
      return '工作人员退回补正：请按意见修改后重新提交。';
    case 'rejected':
      return '不予登记：请查看工作人员的意见；有疑问可到附近服务网点咨询。';
    case 'voided':
      return '已作废：工作人员撤销了这份登记，电子证明随之失效。请查看作废原因；有疑问可联系受理地卫生健康委员会。';
  }
}

/** Why only a parent may file, for the page that asks for 实名认证 first and for NOT_A_PARENT. */
export const filerExplained =
  '生育登记须由孩子的母亲或父亲本人办理：先用本人身份证完成实名认证，登记中母亲或父亲一栏须是您本人。';
