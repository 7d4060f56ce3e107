import { privacyPolicyVersion } from '@hongjia/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/endpoints';

/**
 * A 401 from the API (the session expired or was revoked): the user is asked, in WeChat's
 * modal, to sign in again, and stays on the page — no jump to 我的. Confirming signs in with
 * wx.login where they are; several failing calls ask once; declining leaves them signed out.
 */
interface Sent {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}
const stored = new Map<string, unknown>();
const sent: Sent[] = [];
let answers: Array<{ statusCode: number; data: unknown }> = [];
const modals: Array<{ title: string; confirmText?: string }> = [];
let modalAnswer = true;
const navigations: string[] = [];

vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => (stored.has(key) ? stored.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => stored.set(key, value),
    removeStorageSync: (key: string) => stored.delete(key),
    showLoading: () => undefined,
    hideLoading: () => undefined,
    showModal: async (options: { title: string; confirmText?: string }) => {
      modals.push(options);
      return { confirm: modalAnswer, cancel: !modalAnswer };
    },
    login: async () => ({ code: 'wx-code-2' }),
    navigateTo: (options: { url: string }) => {
      navigations.push(options.url);
      return Promise.resolve();
    },
    switchTab: (options: { url: string }) => {
      navigations.push(options.url);
      return Promise.resolve();
    },
    request: async (options: Sent) => {
      sent.push(options);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request ${options.method} ${options.url}`);
      return answer;
    },
  },
}));

// Read on import (DefinePlugin inlines them in a build): a weapp build, signing in with wx.login.
process.env.TARO_APP_API_BASE = 'http://api.test';
process.env.TARO_ENV = 'weapp';
const { call } = await import('../src/api/client');
const { saveSession, currentToken } = await import('../src/auth/session');
const privacy = await import('../src/privacy/store');

const expired = {
  statusCode: 401,
  data: { error: { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录', details: [], requestId: 'r1' } },
};
const signedIn = {
  statusCode: 200,
  data: {
    token: 'fresh',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u_1', roles: ['family'] },
  },
};
const consentRecorded = {
  statusCode: 201,
  data: {
    id: 'cns_1',
    kind: 'privacy_policy',
    version: privacyPolicyVersion,
    acceptedAt: '2026-12-01T00:00:00.000Z',
  },
};

const paths = () => sent.map((s) => `${s.method} ${new URL(s.url).pathname}`);

describe('an expired session', () => {
  beforeEach(() => {
    stored.clear();
    sent.length = 0;
    modals.length = 0;
    navigations.length = 0;
    answers = [];
    modalAnswer = true;
    stored.set('hongjia.privacy.agreedVersion', privacyPolicyVersion);
    privacy.initPrivacy();
    saveSession({
      token: 'stale',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u_1', roles: ['family'] },
    });
  });

  it('asks once to sign in again, signs in where the user is, and keeps them on the page', async () => {
    answers = [expired, expired, signedIn, consentRecorded];
    const results = await Promise.allSettled([
      call(api.myBookings, { query: {} }),
      call(api.myNotifications, { query: {} }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await vi.waitFor(() => expect(currentToken()).toBe('fresh'));
    expect(modals).toEqual([expect.objectContaining({ title: '登录已过期', confirmText: '重新登录' })]);
    expect(paths()).toEqual([
      'GET /v1/me/bookings',
      'GET /v1/me/notifications',
      'POST /v1/auth/wechat',
      'POST /v1/me/consents',
    ]);
    expect(sent[2]?.data).toEqual({ code: 'wx-code-2' });
    expect(navigations).toEqual([]);
  });

  it('leaves the user signed out, on the page, when they decline', async () => {
    modalAnswer = false;
    answers = [expired];
    await expect(call(api.myBookings, { query: {} })).rejects.toMatchObject({ status: 401 });
    await vi.waitFor(() => expect(modals).toHaveLength(1));
    expect(currentToken()).toBeNull();
    expect(paths()).toEqual(['GET /v1/me/bookings']);
    expect(navigations).toEqual([]);
  });
});
