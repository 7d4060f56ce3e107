import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from '../commons/env';
import { readWechatSecret } from '../commons/secrets';
import type { UserEntity } from '../commons/users';
import { createNotificationEntity, type NotificationEntity } from './entity';
import { createOutboxNotifier, type Notifier } from './notifier';
import type { PushOutboxDeps } from './push-outbox';
import { createStableAccessToken, createWechatSubscribeChannel } from './wechat-subscribe';

/** Subscription-message template ids (WeChat console), set on the deployed workers function that pushes. */
export const templateEnvNames = {
  booking_promoted: 'WECHAT_TEMPLATE_BOOKING_PROMOTED',
  filing_approved: 'WECHAT_TEMPLATE_FILING_DECIDED',
  filing_rejected: 'WECHAT_TEMPLATE_FILING_DECIDED',
  registration_status: 'WECHAT_TEMPLATE_REGISTRATION_STATUS',
  benefit_enrolled: 'WECHAT_TEMPLATE_BENEFIT_ENROLLED',
  assistance_request: 'WECHAT_TEMPLATE_ASSISTANCE',
  assistance_update: 'WECHAT_TEMPLATE_ASSISTANCE',
  subsidy_status: 'WECHAT_TEMPLATE_SUBSIDY',
  subsidy_renewal: 'WECHAT_TEMPLATE_SUBSIDY',
  // Decision 0040: the provider's supervision news share its filing template (a title and a
  // line, like every template here); an organisation's assignment shares the help template.
  affordable_decided: 'WECHAT_TEMPLATE_FILING_DECIDED',
  inspection_findings: 'WECHAT_TEMPLATE_FILING_DECIDED',
  volunteer_assigned: 'WECHAT_TEMPLATE_ASSISTANCE',
} as const;

/** The sign-in mode, which also decides whether notifications are pushed to WeChat. */
function wechatMode(): 'dev' | 'wechat' {
  const mode = getStringFromEnv(envNames.wechatAuthMode);
  if (mode !== 'dev' && mode !== 'wechat')
    throw new Error(`${envNames.wechatAuthMode} must be 'wechat' or 'dev'`);
  return mode;
}

/**
 * Locally (`WECHAT_AUTH_MODE=dev`) notifications go to the outbox only, which
 * the app's 消息 page lists; deployed (`wechat`) each is also marked for the
 * workers group to push as a subscription message. Either way the notifying
 * group only writes the item: it needs neither the WeChat secret nor the
 * user's openid.
 */
export function notifierFromEnv(client: DynamoDBDocumentClient, table: string): Notifier {
  return notifierFor(createNotificationEntity(client, table));
}

/** The same, over an entity the composition root already built. */
export function notifierFor(notifications: NotificationEntity): Notifier {
  return createOutboxNotifier(notifications, { push: wechatMode() === 'wechat' });
}

/**
 * The push drain of the workers group: undefined locally (nothing is marked
 * for pushing there, and a local runtime never calls WeChat); deployed, the
 * subscription-message channel with the AppSecret from Secrets Manager and the
 * openid read from the access table.
 */
export function pushOutboxDepsFromEnv(deps: {
  entities: { notifications: NotificationEntity; users: UserEntity };
}): PushOutboxDeps | undefined {
  if (wechatMode() === 'dev') return undefined;
  const { users } = deps.entities;
  const templates = Object.fromEntries(
    Object.entries(templateEnvNames).flatMap(([kind, name]) => {
      const id = getOptionalStringFromEnv(name);
      return id ? [[kind, id]] : [];
    }),
  );
  const channel = createWechatSubscribeChannel({
    templates,
    accessToken: createStableAccessToken({
      appId: getStringFromEnv(envNames.wechatAppId),
      appSecret: readWechatSecret,
    }),
    openidOf: async (userId) => (await users.get({ userId }).go()).data?.openid,
  });
  return { notifications: deps.entities.notifications, channel };
}
