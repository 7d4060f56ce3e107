import { z } from 'zod';
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
  response: MeResponse,
});
