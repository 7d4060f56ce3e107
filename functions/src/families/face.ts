import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUserEntity } from '../auth/users';
import { accessTableName } from '../commons/dynamo';
import { envNames, getStringFromEnv } from '../commons/env';
import { AppError } from '../commons/errors';
import { readWechatSecret } from '../commons/secrets';
import { assertNoDevModeOutsideLocal } from '../commons/stage-guard';
import { createStableAccessToken } from '../notifications/wechat-subscribe';

/**
 * Real-name binding must be confirmed by the person's face (SPEC §3 identity).
 * Chosen like sign-in: `WECHAT_AUTH_MODE=dev` accepts (the local runtime can
 * never call WeChat), `wechat` checks the `verify_result` of
 * wx.startFacialRecognitionVerify against WeChat.
 */
export interface FaceCheck {
  userId: string;
  name: string;
  idNumber: string;
  faceVerifyResult?: string | undefined;
}

export interface FaceVerifier {
  /** Resolves with how the person was verified; throws an AppError when they were not. */
  verify(check: FaceCheck): Promise<'wechat_face' | 'local'>;
}

export function createLocalFaceVerifier(): FaceVerifier {
  return { verify: async () => 'local' };
}

/** https://developers.weixin.qq.com — 人脸核身 "再次获取核验结果" (cityservice/face/identify/getinfo). */
interface GetInfoAnswer {
  errcode?: number;
  identify_ret?: number;
  openid?: string;
  /** MD5 of the ID number, a final X upper-case. */
  id_card_number_md5?: string;
  /** MD5 of the UTF-8 name. */
  name_utf8_md5?: string;
}

export interface WechatFaceVerifierOptions {
  accessToken: () => Promise<string>;
  /** The caller's openid: the result must be this user's own verification. */
  openidOf: (userId: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const md5 = (value: string) => createHash('md5').update(value, 'utf8').digest('hex');

const notVerified = () =>
  new AppError('VALIDATION_FAILED', '人脸核验未通过，请本人重新进行人脸核验', [
    { path: 'body.faceVerifyResult', message: '核验结果与填写的姓名、身份证号或当前账号不一致' },
  ]);

export function createWechatFaceVerifier(options: WechatFaceVerifierOptions): FaceVerifier {
  const doFetch = options.fetch ?? fetch;
  return {
    async verify({ userId, name, idNumber, faceVerifyResult }) {
      if (!faceVerifyResult) {
        throw new AppError('FACE_VERIFICATION_REQUIRED', '请先完成人脸核验', [
          { path: 'body.faceVerifyResult', message: '缺少人脸核验结果' },
        ]);
      }
      const url = new URL('https://api.weixin.qq.com/cityservice/face/identify/getinfo');
      url.searchParams.set('access_token', await options.accessToken());
      const answer = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verify_result: faceVerifyResult }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      if (!answer.ok) throw new Error(`face identify getinfo answered HTTP ${answer.status}`);
      const body = (await answer.json()) as GetInfoAnswer;
      // A result WeChat does not know (expired, forged) is the user's to redo, not a 5xx.
      if (body.errcode) throw notVerified();
      const openid = await options.openidOf(userId);
      const matches =
        body.identify_ret === 0 &&
        openid !== undefined &&
        body.openid === openid &&
        body.id_card_number_md5?.toLowerCase() === md5(idNumber.toUpperCase()) &&
        body.name_utf8_md5?.toLowerCase() === md5(name);
      if (!matches) throw notVerified();
      return 'wechat_face';
    },
  };
}

export function faceVerifierFromEnv(client: DynamoDBDocumentClient): FaceVerifier {
  const mode = getStringFromEnv(envNames.wechatAuthMode);
  if (mode === 'dev') {
    assertNoDevModeOutsideLocal();
    return createLocalFaceVerifier();
  }
  if (mode !== 'wechat') throw new Error(`${envNames.wechatAuthMode} must be 'wechat' or 'dev'`);
  const users = createUserEntity(client, accessTableName());
  return createWechatFaceVerifier({
    accessToken: createStableAccessToken({
      appId: getStringFromEnv(envNames.wechatAppId),
      appSecret: readWechatSecret,
    }),
    openidOf: async (userId) => (await users.get({ userId }).go()).data?.openid,
  });
}
