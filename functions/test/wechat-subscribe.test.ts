import { describe, expect, it } from 'vitest';
import { createStableAccessToken, createWechatSubscribeChannel } from '../src/notifications/wechat-subscribe';

const message = {
  kind: 'booking_promoted' as const,
  title: '候补成功：托位已确认',
  body: '某托育中心有名额空出，您的候补预约已转为正式预约。',
  link: '/packages/family/pages/bookings/index',
};

function fakeFetch(answers: unknown[]) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
    return new Response(JSON.stringify(answers.shift() ?? {}), { status: 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('WeChat subscription messages', () => {
  it('sends the template of the kind to the user’s openid with 20-character thing values', async () => {
    const { fetch, calls } = fakeFetch([{ errcode: 0 }]);
    const channel = createWechatSubscribeChannel({
      templates: { booking_promoted: 'tpl-1' },
      accessToken: async () => 'token-1',
      openidOf: async () => 'openid-1',
      fetch,
    });
    await channel.push('u_1', message);
    expect(calls[0]?.url).toContain('access_token=token-1');
    expect(calls[0]?.body).toMatchObject({
      touser: 'openid-1',
      template_id: 'tpl-1',
      page: 'packages/family/pages/bookings/index',
    });
    const data = calls[0]?.body.data as Record<string, { value: string }>;
    expect(Array.from(data.thing2?.value ?? '').length).toBe(20);
  });

  it('sends nothing for a kind without a template, and treats an unsubscribed user as done', async () => {
    const { fetch, calls } = fakeFetch([{ errcode: 43101 }]);
    const channel = createWechatSubscribeChannel({
      templates: { filing_approved: 'tpl-2' },
      accessToken: async () => 't',
      openidOf: async () => 'o',
      fetch,
    });
    await channel.push('u_1', message);
    expect(calls).toHaveLength(0);
    await expect(channel.push('u_1', { ...message, kind: 'filing_approved' })).resolves.toBeUndefined();
  });

  it('fails loudly on other errors, for the notifier to log', async () => {
    const { fetch } = fakeFetch([{ errcode: 40001 }]);
    const channel = createWechatSubscribeChannel({
      templates: { booking_promoted: 'x' },
      accessToken: async () => 't',
      openidOf: async () => 'o',
      fetch,
    });
    await expect(channel.push('u_1', message)).rejects.toThrow(/40001/);
  });

  it('caches the stable access token until shortly before it expires', async () => {
    const { fetch, calls } = fakeFetch([
      { access_token: 'a', expires_in: 7200 },
      { access_token: 'b', expires_in: 7200 },
    ]);
    let now = 0;
    const token = createStableAccessToken({
      appId: 'app',
      appSecret: async () => 's',
      fetch,
      clock: () => now,
    });
    expect(await token()).toBe('a');
    now = 6_800_000;
    expect(await token()).toBe('a');
    now = 6_900_001;
    expect(await token()).toBe('b');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.body).toMatchObject({ grant_type: 'client_credential', appid: 'app', secret: 's' });
  });
});
