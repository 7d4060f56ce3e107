import {
  type AssistanceCategory,
  type AssistanceUrgency,
  assistanceCategoryNames,
  type assistanceEventNames,
  formatChinaMonthDayTime,
} from '@hongjia/shared';
import { AppError } from '../commons/errors';
import type { NotificationMessage } from '../notifications';

/**
 * Wording for help requests. The families are mostly elderly and often
 * grieving: plain, warm, never blaming. A notification is stored in clear and
 * may show on a lock screen: it names the family by its members' masked names
 * only — never its kind (失独/伤残) — and a contact person as "您的联系人"
 * (decision 0014).
 */

export const notSpecialFamilyMember = () =>
  new AppError(
    'NOT_SPECIAL_FAMILY_MEMBER',
    '求助服务面向已建档的计划生育特殊家庭成员。如您需要帮助，请先完成实名认证，或联系所在社区、县区卫生健康委员会，我们会尽快为您办理。',
  );

export const proxyConsentRequired = () =>
  new AppError(
    'PROXY_CONSENT_REQUIRED',
    '代为求助需要该家庭同意由您作为联系人代办。请先请家庭成员在小程序中确认同意。',
  );

export function newRequestMessage(request: {
  family: { members: readonly { nameMasked: string }[] };
  category: AssistanceCategory;
  urgency: AssistanceUrgency;
  dueAt: string;
}): NotificationMessage {
  const urgent = request.urgency === 'urgent' ? '（紧急）' : '';
  const family = request.family.members.map((m) => m.nameMasked).join('、');
  return {
    kind: 'assistance_request',
    title: `新的求助${urgent}`,
    body: `${family}家需要${assistanceCategoryNames[request.category]}方面的帮助，请在 ${formatChinaMonthDayTime(request.dueAt)} 前首次联系。`,
    link: '/packages/staff/pages/assistance',
  };
}

type EventKind = keyof typeof assistanceEventNames;

/** Sent on the first answer and on the resolution only (see rules.applyEvent). */
export function familyUpdateMessage(event: { kind: EventKind; byName: string }): NotificationMessage {
  const link = '/packages/family/pages/special-assistance/requests';
  if (event.kind === 'resolved')
    return {
      kind: 'assistance_update',
      title: '您的求助已办结',
      body: `${event.byName}已为您办结这次求助。以后有任何需要，随时可以再找我们。`,
      link,
    };
  return {
    kind: 'assistance_update',
    title: '您的求助有人回应了',
    body: `${event.byName}${answered[event.kind]}，会继续帮您跟进。`,
    link,
  };
}

const answered: Record<Exclude<EventKind, 'resolved'>, string> = {
  note: '已收到您的求助',
  call: '已和您电话联系',
  visit: '已上门看望',
};
