import {
  type MeResponse,
  privacyPolicyVersion,
  type SessionUser,
  type SignInResponse,
  type UserStatusRequest,
  type UserStatusView,
} from '@hongjia/shared';
import type { AuditTrail } from '../commons/audit';
import { AppError, conflict, notFound } from '../commons/errors';
import { limits } from '../commons/limits';
import type { RateLimiter } from '../commons/rate-limit';
import { issueSessionToken } from '../commons/session';
import { sessionVersionOf, type UserItem, type UserStore } from '../commons/users';
import type { WechatAuth } from './wechat';

export interface AuthServiceDeps {
  users: UserStore;
  wechat: WechatAuth;
  /** Sign-ins per openid (commons/limits.ts); the per-address limit before the exchange is the router's. */
  limiter?: RateLimiter;
  /** The shared audit trail: every deactivation and reactivation, written before the change. */
  audit: Pick<AuditTrail, 'record'>;
  /**
   * The social organisation an account was registered for (decision 0035): sign-in grants the
   * `volunteer` role from it, so user records are still written by this group alone.
   */
  volunteerOrganisationOf?: (userId: string) => Promise<string | undefined>;
}

export const accountDeactivated = () =>
  new AppError('ACCOUNT_DEACTIVATED', '该账号已停用，不能登录。如有疑问请联系管理员');

function toStatusView(user: UserItem): UserStatusView {
  return {
    id: user.userId,
    roles: [...user.roles],
    active: !user.deactivatedAt,
    ...(user.deactivatedAt ? { deactivatedAt: user.deactivatedAt } : {}),
  };
}

function toSessionUser(user: UserItem): SessionUser {
  return {
    id: user.userId,
    roles: [...user.roles],
    ...(user.district ? { district: user.district } : {}),
    ...(user.cityWide ? { cityWide: true } : {}),
  };
}

export function createAuthService({
  users,
  wechat,
  limiter,
  audit,
  volunteerOrganisationOf,
}: AuthServiceDeps) {
  /** Audited first (no change without its entry), then one conditional write on the user. */
  async function setActive(
    caller: SessionUser,
    userId: string,
    active: boolean,
    body: UserStatusRequest,
    ctx: { now: Date; requestId: string; sourceIp: string },
  ): Promise<UserStatusView> {
    // An admin who deactivates themselves locks the door from inside; another admin must do it.
    if (!active && userId === caller.id) throw conflict('不能停用自己的账号，请由其他管理员操作');
    if (!(await users.get(userId))) throw notFound('未找到该用户');
    await audit.record(
      caller,
      {
        subjectType: 'user',
        subjectId: userId,
        action: active ? 'reactivate' : 'deactivate',
        district: caller.district ?? 'city',
        note: body.reason,
        requestId: ctx.requestId,
        sourceIp: ctx.sourceIp,
      },
      ctx.now,
    );
    const updated = await users.setActive(userId, active, ctx.now);
    if (!updated) throw notFound('未找到该用户');
    return toStatusView(updated);
  }

  return {
    /**
     * An unknown openid becomes a new family (SPEC §3); seeded openids keep their roles.
     * A deactivated user is refused; the token carries the user's session version.
     */
    async signIn(code: string, now: Date): Promise<SignInResponse> {
      const { openid } = await wechat.exchangeCode(code);
      await limiter?.hit(limits.signIn, openid, now);
      let user = await users.getOrCreate({ openid, roles: ['family'] }, now);
      if (user.deactivatedAt) throw accountDeactivated();
      if (!user.roles.includes('volunteer') && (await volunteerOrganisationOf?.(user.userId))) {
        await users.grantRole(user.userId, 'volunteer');
        user = { ...user, roles: [...user.roles, 'volunteer'] };
      }
      const sessionUser = toSessionUser(user);
      const { token, expiresAt } = await issueSessionToken(sessionUser, now, sessionVersionOf(user));
      return { token, expiresAt, user: sessionUser };
    },

    /** Every token of the caller dies at once, on every device (SPEC §3: ends every session). */
    async logout(caller: SessionUser): Promise<{ loggedOut: true }> {
      await users.endSessions(caller.id);
      return { loggedOut: true };
    },

    deactivate: (
      caller: SessionUser,
      userId: string,
      body: UserStatusRequest,
      ctx: { now: Date; requestId: string; sourceIp: string },
    ) => setActive(caller, userId, false, body, ctx),

    reactivate: (
      caller: SessionUser,
      userId: string,
      body: UserStatusRequest,
      ctx: { now: Date; requestId: string; sourceIp: string },
    ) => setActive(caller, userId, true, body, ctx),

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
