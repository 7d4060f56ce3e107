import { api } from '@hongjia/shared';
import { accessTableName, documentClient, mainTableName } from '../commons/dynamo';
import { envNames, getStringFromEnv } from '../commons/env';
import { createHttpHandler, implement, implementPublic } from '../commons/router';
import { readWechatSecret } from '../commons/secrets';
import { createConsentEntity, createConsentService } from '../consents/consents';
import { createNotificationEntity } from '../notifications/entity';
import { createNotificationService } from '../notifications/service';
import { createAuthService } from './service';
import { createUserEntity, createUserStore } from './users';
import { createDevWechatAuth, createRealWechatAuth, type WechatAuth } from './wechat';

function wechatFromEnv(): WechatAuth {
  const mode = getStringFromEnv(envNames.wechatAuthMode);
  if (mode === 'dev') return createDevWechatAuth();
  if (mode === 'wechat') {
    return createRealWechatAuth({
      appId: getStringFromEnv(envNames.wechatAppId),
      appSecret: readWechatSecret,
    });
  }
  throw new Error(`${envNames.wechatAuthMode} must be 'wechat' or 'dev'`);
}

const table = mainTableName();
const users = createUserStore(createUserEntity(documentClient, accessTableName()));
const auth = createAuthService({ users, wechat: wechatFromEnv() });
const consents = createConsentService(createConsentEntity(documentClient, table), users);
const notifications = createNotificationService(createNotificationEntity(documentClient, table));

export const handler = createHttpHandler([
  implementPublic(api.signIn, ({ body, now }) => auth.signIn(body.code, now)),
  implement(api.me, ({ caller }) => auth.me(caller)),
  implement(api.recordConsent, ({ caller, body, now, operationId }) =>
    consents.record(caller, body, now, operationId),
  ),
  implement(api.listConsents, ({ caller, query }) => consents.list(caller, query)),
  implement(api.myNotifications, ({ caller, query }) => notifications.list(caller, query)),
]);
