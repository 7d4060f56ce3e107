import { AppError, unauthenticated, validationFailed } from '../commons/errors';

/**
 * WeChat sign-in: a `wx.login` code becomes an openid. Deployed stacks use
 * `jscode2session`; the local runtime accepts `dev:<openid>` instead. Which one
 * runs is decided by WECHAT_AUTH_MODE, which the CDK stack pins to `wechat`.
 */
export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

export interface WechatAuth {
  exchangeCode(code: string): Promise<WechatIdentity>;
}

const devCode = /^dev:([A-Za-z0-9_-]{1,64})$/;

export function createDevWechatAuth(): WechatAuth {
  return {
    async exchangeCode(code) {
      const match = devCode.exec(code);
      if (!match?.[1]) {
        throw validationFailed('本地环境的登录凭证应为 dev:<openid>', [
          { path: 'body.code', message: 'openid 仅可包含字母、数字、_ 和 -，最长 64 位' },
        ]);
      }
      return { openid: match[1] };
    },
  };
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

export interface RealWechatAuthOptions {
  appId: string;
  appSecret: () => Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html */
export function createRealWechatAuth(options: RealWechatAuthOptions): WechatAuth {
  const doFetch = options.fetch ?? fetch;
  return {
    async exchangeCode(code) {
      if (code.startsWith('dev:')) throw unauthenticated('登录凭证无效，请重新登录');
      const url = new URL('https://api.weixin.qq.com/sns/jscode2session');
      url.searchParams.set('appid', options.appId);
      url.searchParams.set('secret', await options.appSecret());
      url.searchParams.set('js_code', code);
      url.searchParams.set('grant_type', 'authorization_code');
      const answer = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 3000) });
      if (!answer.ok) throw new Error(`jscode2session answered HTTP ${answer.status}`);
      const body = (await answer.json()) as Code2SessionAnswer;
      if (body.errcode === 45011) throw new AppError('RATE_LIMITED', '登录过于频繁，请稍后再试');
      if (body.errcode === 40029 || body.errcode === 40163) throw unauthenticated('登录凭证无效，请重新登录');
      if (body.errcode || !body.openid) throw new Error(`jscode2session failed with errcode ${body.errcode}`);
      return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
    },
  };
}
