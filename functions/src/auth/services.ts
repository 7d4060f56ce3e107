import { organisationIdOf, type VolunteerEntities } from '../assistance';
import { envNames, getStringFromEnv } from '../commons/env';
import type { Foundation } from '../commons/foundation';
import { readWechatSecret } from '../commons/secrets';
import { assertNoDevModeOutsideLocal } from '../commons/stage-guard';
import { createAuthService } from './service';
import { createDevWechatAuth, createRealWechatAuth, type WechatAuth } from './wechat';

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

/** What sign-in takes from the composition root (functions/src/root.ts). */
export interface AuthDeps extends Pick<Foundation, 'users' | 'limiter' | 'audit'> {
  /** Sign-in grants the `volunteer` role to an account registered for a social organisation. */
  entities?: { volunteers: Pick<VolunteerEntities, 'accounts'> };
}

/** Sign-in, sessions and (de)activation over the root's pieces; WeChat as WECHAT_AUTH_MODE says. */
export function createAuthServices(deps: AuthDeps, wechat: WechatAuth = wechatFromEnv()) {
  const accounts = deps.entities?.volunteers.accounts;
  return createAuthService({
    users: deps.users,
    wechat,
    limiter: deps.limiter,
    audit: deps.audit,
    ...(accounts ? { volunteerOrganisationOf: (userId: string) => organisationIdOf(accounts, userId) } : {}),
  });
}
