import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUserEntity } from '../auth/users';
import { accessTableName } from '../commons/dynamo';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from '../commons/env';
import { readWechatSecret } from '../commons/secrets';
import { createNotificationEntity } from './entity';
import { createOutboxNotifier, type Notifier } from './notifier';
import { createStableAccessToken, createWechatSubscribeChannel } from './wechat-subscribe';

/** Subscription-message template ids (WeChat console), set on deployed functions that notify. */
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
} as const;

/**
 * Locally (`WECHAT_AUTH_MODE=dev`) notifications go to the outbox only, which
 * the app's 消息 page lists; deployed (`wechat`) they are also pushed as
 * subscription messages. Chosen like sign-in, so a local runtime can never
 * call WeChat.
 */
export function notifierFromEnv(client: DynamoDBDocumentClient, table: string): Notifier {
  const outbox = createNotificationEntity(client, table);
  const mode = getStringFromEnv(envNames.wechatAuthMode);
  if (mode === 'dev') return createOutboxNotifier(outbox);
  if (mode !== 'wechat') throw new Error(`${envNames.wechatAuthMode} must be 'wechat' or 'dev'`);
  const users = createUserEntity(client, accessTableName());
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
  return createOutboxNotifier(outbox, channel);
}
