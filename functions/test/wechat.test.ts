import { describe, expect, it } from 'vitest';
import { createDevWechatAuth, createRealWechatAuth } from '../src/auth/wechat';
import { isAppError } from '../src/commons/errors';

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('WeChat sign-in adapters', () => {
  it('locally turns dev:<openid> into that openid', async () => {
    expect(await createDevWechatAuth().exchangeCode('dev:staff-360102')).toEqual({ openid: 'staff-360102' });
  });

  it.each(['staff-360102', 'dev:', 'dev:has space', `dev:${'x'.repeat(65)}`])(
    'locally refuses %s with a 400 naming body.code',
    async (code) => {
      const error = await errorOf(createDevWechatAuth().exchangeCode(code));
      expect(isAppError(error) && error.status).toBe(400);
      expect(isAppError(error) && error.details[0]?.path).toBe('body.code');
    },
  );

  it('in production never accepts a dev code and never calls WeChat for one', async () => {
    let called = false;
    const auth = createRealWechatAuth({
      appId: 'wx123',
      appSecret: async () => 's',
      fetch: (async () => {
        called = true;
        return Response.json({ openid: 'o' });
      }) as typeof fetch,
    });
    const error = await errorOf(auth.exchangeCode('dev:admin'));
    expect(isAppError(error) && error.status).toBe(401);
    expect(called).toBe(false);
  });

  it('in production calls jscode2session with the app id, secret and code', async () => {
    let url = '';
    const auth = createRealWechatAuth({
      appId: 'wx123',
      appSecret: async () => 'app-secret',
      fetch: (async (input: URL) => {
        url = String(input);
        return Response.json({ openid: 'oABC', session_key: 'k' });
      }) as unknown as typeof fetch,
    });
    expect(await auth.exchangeCode('071abc')).toEqual({ openid: 'oABC' });
    expect(url).toContain('https://api.weixin.qq.com/sns/jscode2session?');
    expect(url).toContain('appid=wx123');
    expect(url).toContain('js_code=071abc');
    expect(url).toContain('grant_type=authorization_code');
  });

  it('maps an invalid code to 401 and WeChat rate limiting to 429', async () => {
    const answering = (body: object) =>
      createRealWechatAuth({
        appId: 'wx123',
        appSecret: async () => 's',
        fetch: (async () => Response.json(body)) as typeof fetch,
      });
    const invalid = await errorOf(answering({ errcode: 40029, errmsg: 'invalid code' }).exchangeCode('c'));
    const limited = await errorOf(answering({ errcode: 45011, errmsg: 'freq limit' }).exchangeCode('c'));
    expect(isAppError(invalid) && invalid.status).toBe(401);
    expect(isAppError(limited) && limited.code).toBe('RATE_LIMITED');
  });
});
