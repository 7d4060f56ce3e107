import type { RegistrationStatus } from '@hongjia/shared';
import type { NotificationMessage } from '../notifications';

/** One message per status change; the family opens the registration from it. */
const texts: Record<RegistrationStatus, { title: string; body: (receiptNo: string) => string }> = {
  approved: { title: '生育登记已通过', body: (no) => `登记 ${no} 已通过，电子证件已生成` },
  pending_review: { title: '生育登记待审核', body: (no) => `登记 ${no} 已提交，正在等待工作人员审核` },
  returned: { title: '生育登记需补正', body: (no) => `登记 ${no} 被退回补正，请查看意见后重新提交` },
  rejected: { title: '生育登记未通过', body: (no) => `登记 ${no} 不予登记，请查看审核意见` },
  voided: {
    title: '生育登记已作废',
    body: (no) => `登记 ${no} 已被工作人员作废，电子证明随之失效，请查看作废原因`,
  },
};

export function statusMessage(
  status: RegistrationStatus,
  registrationId: string,
  receiptNo: string,
): NotificationMessage {
  const text = texts[status];
  return {
    kind: 'registration_status',
    title: text.title,
    body: text.body(receiptNo),
    link: `/packages/family/registration/detail?id=${registrationId}`,
  };
}
