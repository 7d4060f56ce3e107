import * as api from '@hongjia/shared/api/routes';
import { createAuthService } from '../auth/service';
import { createDevWechatAuth, createRealWechatAuth, type WechatAuth } from '../auth/wechat';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { accessTableName, auditTableName, documentClient, mainTableName } from '../commons/dynamo';
import { envNames, getStringFromEnv } from '../commons/env';
import { createRateLimiter } from '../commons/rate-limit';
import { createHttpHandler, implement, implementPublic } from '../commons/router';
import { readWechatSecret } from '../commons/secrets';
import { assertNoDevModeOutsideLocal } from '../commons/stage-guard';
import { userStoreFor } from '../commons/users';
import { createConsentEntity, createConsentService } from '../consents/consents';
import { createNotificationEntity } from '../notifications/entity';
import { createNotificationService } from '../notifications/service';

function wechatFromEnv(): WechatAuth {
  const mode = getStringFromEnv(envNames.wechatAuthMode);
  if (mode === 'dev') {
    assertNoDevModeOutsideLocal();
    return createDevWechatAuth();
  }
  if (mode === 'wechat') {
    return createRealWechatAuth({
      appId: getStringFromEnv(envNames.wechatAppId),
      appSecret: readWechatSecret,
    });
  }
  throw new Error(`${envNames.wechatAuthMode} must be 'wechat' or 'dev'`);
}

const table = mainTableName();
const users = userStoreFor(documentClient, accessTableName());
const auth = createAuthService({
  users,
  wechat: wechatFromEnv(),
  limiter: createRateLimiter({ client: documentClient, table }),
  audit: createAuditTrail(createAuditEntity(documentClient, auditTableName())),
});
const consents = createConsentService(createConsentEntity(documentClient, table), users);
const notifications = createNotificationService(createNotificationEntity(documentClient, table));

export const handler = createHttpHandler([
  implementPublic(api.signIn, ({ body, now }) => auth.signIn(body.code, now)),
  implement(api.me, ({ caller }) => auth.me(caller)),
  implement(api.logout, ({ caller }) => auth.logout(caller)),
  implement(api.deactivateUser, ({ caller, params, body, now, requestId, sourceIp }) =>
    auth.deactivate(caller, params.id, body, { now, requestId, sourceIp }),
  ),
  implement(api.reactivateUser, ({ caller, params, body, now, requestId, sourceIp }) =>
    auth.reactivate(caller, params.id, body, { now, requestId, sourceIp }),
  ),
  implement(api.recordConsent, ({ caller, body, now, operationId }) =>
    consents.record(caller, body, now, operationId),
  ),
  implement(api.listConsents, ({ caller, query }) => consents.list(caller, query)),
  implement(api.myNotifications, ({ caller, query }) => notifications.list(caller, query)),
]);
