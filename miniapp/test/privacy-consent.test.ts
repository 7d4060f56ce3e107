import { privacyPolicyVersion } from '@hongjia/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/endpoints';

/**
 * The privacy gate and the server agree (issue 9, finding 8): the gate sends
 * the agreement without a version (the server's is the one agreed to), and a
 * CONSENT_REQUIRED answer anywhere opens the gate again; once agreed, the
 * refused request goes once more with the same Idempotency-Key.
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

vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => (stored.has(key) ? stored.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => stored.set(key, value),
    removeStorageSync: (key: string) => stored.delete(key),
    showLoading: () => undefined,
    hideLoading: () => undefined,
    navigateTo: () => Promise.resolve(),
    switchTab: () => Promise.resolve(),
    request: async (options: Sent) => {
      sent.push(options);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request ${options.method} ${options.url}`);
      return answer;
    },
  },
}));

// Read by config/env.ts on import (DefinePlugin inlines it in a build).
process.env.TARO_APP_API_BASE = 'http://api.test';
const { call } = await import('../src/api/client');
const { saveSession } = await import('../src/auth/session');
const privacy = await import('../src/privacy/store');
const { agreeToPrivacy } = await import('../src/privacy/consent');

const refused = {
  statusCode: 403,
  data: {
    error: {
      code: 'CONSENT_REQUIRED',
      message: '请先阅读并同意《洪家隐私保护指引》',
      details: [],
      requestId: 'r1',
    },
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
const emptyPage = { statusCode: 200, data: { items: [], nextCursor: null } };

/** Resolves once the gate has opened (the client asks before it retries). */
async function gateOpens() {
  await vi.waitFor(() => expect(privacy.isPrivacyGateOpen()).toBe(true));
}

let users = 0;

describe('CONSENT_REQUIRED from the server', () => {
  beforeEach(() => {
    stored.clear();
    sent.length = 0;
    answers = [];
    // Agreed on this phone long ago: only the server knows it is not on record.
    stored.set('hongjia.privacy.agreedVersion', privacyPolicyVersion);
    privacy.initPrivacy();
    // A user of its own per test: what was recorded for one says nothing about the next.
    users += 1;
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: `u_${users}`, roles: ['family'] },
    });
  });

  it('opens the gate; agreeing records the consent without a version and the request goes again', async () => {
    answers = [refused, consentRecorded, emptyPage];
    const pending = call(api.myBookings, { query: {} });
    await gateOpens();
    await agreeToPrivacy();
    await expect(pending).resolves.toEqual({ items: [], nextCursor: null });
    expect(sent.map((s) => `${s.method} ${s.url.replace(/\?.*$/, '')}`)).toEqual([
      expect.stringMatching(/^GET .*\/v1\/me\/bookings$/),
      expect.stringMatching(/^POST .*\/v1\/me\/consents$/),
      expect.stringMatching(/^GET .*\/v1\/me\/bookings$/),
    ]);
    expect(sent[1]?.data).toEqual({ kind: 'privacy_policy' });
    expect(privacy.isPrivacyGateOpen()).toBe(false);
  });

  it('retries a refused creating request with the same Idempotency-Key', async () => {
    answers = [refused, consentRecorded, { statusCode: 201, data: { id: 'bk_1', status: 'confirmed' } }];
    const pending = call(api.createBooking, {
      params: { slotId: 's1' },
      body: {
        childName: '小明',
        childBirthDate: '2024-01-01',
        guardianPhone: '13800138000',
        guardianConsent: true,
      },
    });
    await gateOpens();
    await agreeToPrivacy();
    await expect(pending).resolves.toEqual({ id: 'bk_1', status: 'confirmed' });
    const [first, , again] = sent;
    expect(again?.header['Idempotency-Key']).toBe(first?.header['Idempotency-Key']);
  });

  it('sends a request refused while sign-in was recording the agreement again, without the gate', async () => {
    // The page's request goes out first; sign-in's recording is answered before the page's refusal.
    let release: (answer: { statusCode: number; data: unknown }) => void = () => undefined;
    const held = new Promise<{ statusCode: number; data: unknown }>((resolve) => {
      release = resolve;
    });
    answers = [];
    const order: string[] = [];
    const { default: Taro } = await import('@tarojs/taro');
    const request = vi.spyOn(Taro, 'request').mockImplementation((async (options: Sent) => {
      sent.push(options);
      order.push(`${options.method} ${options.url}`);
      if (sent.length === 1) return held;
      if (sent.length === 2) return consentRecorded;
      return emptyPage;
    }) as never);
    const page = call(api.myBookings, { query: {} });
    const { recordPrivacyConsent } = await import('../src/privacy/consent');
    await expect(recordPrivacyConsent()).resolves.toBe(true);
    release(refused);
    await expect(page).resolves.toEqual({ items: [], nextCursor: null });
    expect(privacy.isPrivacyGateOpen()).toBe(false);
    expect(sent).toHaveLength(3);
    request.mockRestore();
  });

  it('gives the refusal to the page when the user does not agree', async () => {
    answers = [refused];
    const pending = call(api.myBookings, { query: {} });
    await gateOpens();
    privacy.answerPrivacy(false);
    await expect(pending).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(sent).toHaveLength(1);
  });
});
