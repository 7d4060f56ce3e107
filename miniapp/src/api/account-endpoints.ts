import type { Endpoints } from './endpoints';

/**
 * The routes the main package calls (sign-in, 我的, the privacy agreement): kept apart from the
 * whole table in ./endpoints so the main package carries six routes, not every one (decision
 * 0027). ./endpoints spreads them into `api`.
 */
export const accountApi: Endpoints<
  'signIn' | 'me' | 'logout' | 'recordConsent' | 'listConsents' | 'myIdentity'
> = {
  signIn: { method: 'POST', path: '/v1/auth/wechat' },
  me: { method: 'GET', path: '/v1/me' },
  logout: { method: 'POST', path: '/v1/auth/logout' },
  recordConsent: { method: 'POST', path: '/v1/me/consents', idempotent: true },
  listConsents: { method: 'GET', path: '/v1/me/consents' },
  myIdentity: { method: 'GET', path: '/v1/me/identity' },
};
