import { api } from '@hongjia/shared';
import { documentClient, mainTableName } from '../commons/dynamo';
import { envNames, getStringFromEnv } from '../commons/env';
import { createHttpHandler, implement, implementPublic } from '../commons/router';
import { readWechatSecret } from '../commons/secrets';
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

const auth = createAuthService({
  users: createUserStore(createUserEntity(documentClient, mainTableName())),
  wechat: wechatFromEnv(),
});

export const handler = createHttpHandler([
  implementPublic(api.signIn, ({ body, now }) => auth.signIn(body.code, now)),
  implement(api.me, ({ caller }) => auth.me(caller)),
]);
