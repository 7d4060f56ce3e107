import { randomUUID } from 'node:crypto';
import { privacyPolicyVersion } from '@hongjia/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { phone } from './browser';

/**
 * A browser context already signed in as a seeded account, without walking the sign-in
 * screens: the session comes from the API (`dev:<openid>`, local runtime only), the privacy
 * agreement is recorded on the server and in storage, and both are written where the app reads
 * them at launch (Taro's h5 storage keeps `{"data": value}` in localStorage). The journeys sign
 * in through the screens; this is for the tests that visit many pages as many people (axe, the
 * screenshot gallery), where three screens per person would cost more than the pages.
 */
export interface RoleContext {
  context: BrowserContext;
  page: Page;
  /** The bearer token, for reading ids the pages need (`apiGet`). */
  token?: string;
  /** Elderly mode on or off as the user's own choice, then a reload. */
  setElderly(on: boolean): Promise<void>;
}

const keys = {
  session: 'hongjia.session',
  privacy: 'hongjia.privacy.agreedVersion',
  elderly: 'hongjia.elderly.choice',
} as const;

async function post(apiUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${randomUUID()}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** GET an API path as the signed-in user (ids for detail pages). */
export async function apiGet<T>(apiUrl: string, path: string, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A new context as `openid` (undefined: nobody signed in, privacy not yet agreed, so the first
 * page shows the gate), opened on `webUrl` with storage set.
 */
export async function openAs(
  browser: Browser,
  runtime: { apiUrl: string; webUrl: string },
  openid: string | undefined,
  device: Parameters<Browser['newContext']>[0] = phone,
): Promise<RoleContext> {
  let token: string | undefined;
  const storage: Record<string, unknown> = {};
  if (openid) {
    const session = (await post(runtime.apiUrl, '/v1/auth/wechat', { code: `dev:${openid}` })) as {
      token: string;
    };
    token = session.token;
    await post(runtime.apiUrl, '/v1/me/consents', { kind: 'privacy_policy' }, token);
    storage[keys.session] = session;
    storage[keys.privacy] = privacyPolicyVersion;
  }
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto(`${runtime.webUrl}/#/pages/index/index`);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries))
      localStorage.setItem(key, JSON.stringify({ data: value }));
  }, storage);
  await page.reload();
  return {
    context,
    page,
    token,
    async setElderly(on) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), [
        keys.elderly,
        on ? 'on' : 'off',
      ] as const);
      await page.reload();
    },
  };
}
