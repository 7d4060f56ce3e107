import type { NotificationKind } from './entity';
import type { NotificationMessage, PushChannel } from './notifier';

/**
 * WeChat subscription messages (订阅消息), sent with `subscribeMessage.send`:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * The templates are chosen in the WeChat console; their ids come from the
 * environment. Each template is expected to have `thing1` (title) and
 * `thing2` (detail) fields — `thing` values are limited to 20 characters.
 * A user who did not subscribe (errcode 43101) is not an error: the in-app
 * message remains.
 */
export interface WechatSubscribeOptions {
  /** Template id per kind; a kind without a template is not pushed. */
  templates: Partial<Record<NotificationKind, string>>;
  accessToken: () => Promise<string>;
  openidOf: (userId: string) => Promise<string | undefined>;
  /** `formal` in production; `trial`/`developer` for preview builds. */
  miniprogramState?: 'formal' | 'trial' | 'developer';
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const thing = (value: string) => ({ value: Array.from(value).slice(0, 20).join('') });

export function createWechatSubscribeChannel(options: WechatSubscribeOptions): PushChannel {
  const doFetch = options.fetch ?? fetch;
  return {
    async push(userId, message: NotificationMessage) {
      const templateId = options.templates[message.kind];
      if (!templateId) return;
      const openid = await options.openidOf(userId);
      if (!openid) return;
      const url = new URL('https://api.weixin.qq.com/cgi-bin/message/subscribe/send');
      url.searchParams.set('access_token', await options.accessToken());
      const answer = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: openid,
          template_id: templateId,
          ...(message.link ? { page: message.link.replace(/^\//, '') } : {}),
          data: { thing1: thing(message.title), thing2: thing(message.body) },
          miniprogram_state: options.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      if (!answer.ok) throw new Error(`subscribeMessage.send answered HTTP ${answer.status}`);
      const body = (await answer.json()) as { errcode?: number };
      if (!body.errcode || body.errcode === 43101) return;
      throw new Error(`subscribeMessage.send failed with errcode ${body.errcode}`);
    },
  };
}

/**
 * The app's access token from `getStableAccessToken` (stable across callers,
 * so functions refreshing concurrently do not invalidate each other), cached
 * in memory until five minutes before it expires.
 */
export function createStableAccessToken(options: {
  appId: string;
  appSecret: () => Promise<string>;
  fetch?: typeof fetch;
  clock?: () => number;
}): () => Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (cached && cached.expiresAt > clock()) return cached.token;
    const answer = await doFetch('https://api.weixin.qq.com/cgi-bin/stable_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: options.appId,
        secret: await options.appSecret(),
      }),
      signal: AbortSignal.timeout(3000),
    });
    if (!answer.ok) throw new Error(`stable_token answered HTTP ${answer.status}`);
    const body = (await answer.json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`stable_token failed with errcode ${body.errcode}`);
    cached = { token: body.access_token, expiresAt: clock() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  };
}
