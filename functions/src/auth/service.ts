import {
  type MeResponse,
  privacyPolicyVersion,
  type SessionUser,
  type SignInResponse,
} from '@hongjia/shared';
import { notFound } from '../commons/errors';
import { issueSessionToken } from '../commons/session';
import type { UserItem, UserStore } from './users';
import type { WechatAuth } from './wechat';

export interface AuthServiceDeps {
  users: UserStore;
  wechat: WechatAuth;
}

function toSessionUser(user: UserItem): SessionUser {
  return {
    id: user.userId,
    roles: [...user.roles],
    ...(user.district ? { district: user.district } : {}),
    ...(user.cityWide ? { cityWide: true } : {}),
  };
}

export function createAuthService({ users, wechat }: AuthServiceDeps) {
  return {
    /** An unknown openid becomes a new family (SPEC §3); seeded openids keep their roles. */
    async signIn(code: string, now: Date): Promise<SignInResponse> {
      const { openid } = await wechat.exchangeCode(code);
      const user = await users.getOrCreate({ openid, roles: ['family'] }, now);
      const sessionUser = toSessionUser(user);
      const { token, expiresAt } = await issueSessionToken(sessionUser, now);
      return { token, expiresAt, user: sessionUser };
    },

    /** Read fresh from the store: roles granted or withdrawn since sign-in show at once. */
    async me(caller: SessionUser): Promise<MeResponse> {
      const user = await users.get(caller.id);
      if (!user) throw notFound('用户不存在，请重新登录');
      const { privacyPolicyVersion: acceptedVersion, privacyPolicyAcceptedAt: acceptedAt } = user;
      return {
        ...toSessionUser(user),
        ...(user.displayName ? { displayName: user.displayName } : {}),
        createdAt: user.createdAt,
        consent: {
          privacyPolicy: {
            version: privacyPolicyVersion,
            current: acceptedVersion === privacyPolicyVersion,
            ...(acceptedVersion && acceptedAt ? { acceptedVersion, acceptedAt } : {}),
          },
        },
      };
    },
  };
}
