import * as z from 'zod';
import { DistrictCodeSchema, Role, SessionUser } from '../roles';
import { defineRoute } from './contract';

export const WechatSignInRequest = z.object({
  code: z
    .string({ error: '缺少登录凭证 code' })
    .min(1, '缺少登录凭证 code')
    .max(128, '登录凭证过长')
    .describe('wx.login code; locally `dev:<openid>`'),
});
export type WechatSignInRequest = z.infer<typeof WechatSignInRequest>;

export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: SessionUser,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/**
 * Where the user stands with the 隐私保护指引: `version` is the one in force,
 * `current` whether they agreed to it (families without it get 403
 * CONSENT_REQUIRED on personal-data routes); the version they last agreed
 * to and when, if they ever did.
 */
export const PrivacyConsentStatus = z.object({
  version: z.string(),
  current: z.boolean(),
  acceptedVersion: z.string().optional(),
  acceptedAt: z.iso.datetime().optional(),
});
export type PrivacyConsentStatus = z.infer<typeof PrivacyConsentStatus>;

export const MeResponse = z.object({
  id: z.string(),
  roles: z.array(Role),
  district: DistrictCodeSchema.optional(),
  cityWide: z.boolean().optional(),
  displayName: z.string().optional(),
  createdAt: z.iso.datetime(),
  consent: z.object({ privacyPolicy: PrivacyConsentStatus }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const signIn = defineRoute({
  operationId: 'signInWithWechat',
  method: 'POST',
  path: '/v1/auth/wechat',
  summary: '微信登录 Sign in with a wx.login code',
  tag: 'auth',
  access: 'public',
  owner: 'none',
  body: WechatSignInRequest,
  response: SignInResponse,
});

export const me = defineRoute({
  operationId: 'getMe',
  method: 'GET',
  path: '/v1/me',
  summary: '当前用户 The signed-in user',
  tag: 'auth',
  access: 'signedIn',
  owner: 'self',
  response: MeResponse,
});

export const LogoutResponse = z.object({ loggedOut: z.literal(true) });
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/**
 * Ends every session of the caller at once (SPEC §3): the stored user's session
 * version moves on, so every token issued before — on this phone or another —
 * is refused on its next request (decision 0017). Repeating it is harmless.
 */
export const logout = defineRoute({
  operationId: 'logout',
  method: 'POST',
  path: '/v1/auth/logout',
  summary: '退出登录 End every session of the caller',
  tag: 'auth',
  access: 'signedIn',
  owner: 'self',
  response: LogoutResponse,
});

const UserIdParams = z.object({ id: z.string().regex(/^u_[0-9a-f]{24}$/, '用户编号不正确') });

export const UserStatusRequest = z.object({
  /** Why, for the audit trail; a category, not free text about a person. */
  reason: z.enum(['left_post', 'account_compromised', 'duty_changed', 'other'], {
    error: '请选择停用或恢复的原因',
  }),
});
export type UserStatusRequest = z.infer<typeof UserStatusRequest>;

export const UserStatusView = z.object({
  id: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  deactivatedAt: z.iso.datetime().optional(),
});
export type UserStatusView = z.infer<typeof UserStatusView>;

/**
 * Staff deactivation (admin only, audited): the user's sessions end at once and
 * sign-in is refused until an admin reactivates the account.
 */
export const deactivateUser = defineRoute({
  operationId: 'deactivateUser',
  method: 'POST',
  path: '/v1/admin/users/{id}/deactivate',
  summary: '停用账号 Deactivate a user: every session ends, sign-in refused',
  tag: 'auth',
  access: ['admin'],
  owner: 'anyUser',
  params: UserIdParams,
  body: UserStatusRequest,
  response: UserStatusView,
});

export const reactivateUser = defineRoute({
  operationId: 'reactivateUser',
  method: 'POST',
  path: '/v1/admin/users/{id}/reactivate',
  summary: '恢复账号 Let a deactivated user sign in again',
  tag: 'auth',
  access: ['admin'],
  owner: 'anyUser',
  params: UserIdParams,
  body: UserStatusRequest,
  response: UserStatusView,
});
