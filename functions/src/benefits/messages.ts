import type { NotificationMessage } from '../notifications';

/** The family's 我的待遇 page (family subpackage). */
export const benefitsPage = '/packages/family/pages/special-assistance/benefits';

/**
 * Told to every bound member once a policy is arranged for the family. These
 * families are often grieving: plain, quiet words, no exclamation, nothing to do.
 */
export function enrolledMessage(policyName: string): NotificationMessage {
  return {
    kind: 'benefit_enrolled',
    title: '待遇已为您办理',
    body: `工作人员已为您家办理「${policyName}」，不需要您再申请。发放情况可在“我的待遇”中查看，有疑问可以联系您家的联系人。`,
    link: benefitsPage,
  };
}

/** One message per member per enrolment, ever (the notifier's dedupe id is global, so the user is in it). */
export function enrolledDedupeKey(familyId: string, policyId: string, userId: string): string {
  return `benefit-enrolled:${familyId}:${policyId}:${userId}`;
}
