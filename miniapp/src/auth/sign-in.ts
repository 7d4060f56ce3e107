import Taro from '@tarojs/taro';
import { accountApi } from '../api/account-endpoints';
import { call } from '../api/client';
import { devLoginRoute } from '../config/entry-routes';
import { isLocalBuild, isWeapp } from '../config/env';
import { recordPrivacyConsent } from '../privacy/consent';
import { ensurePrivacyAgreed, hasAgreedPrivacy } from '../privacy/store';
import { saveSession } from './session';

/**
 * Exchanges a login code (wx.login's, or `dev:<openid>` locally) for a session. The agreement
 * was given before sign-in (no personal data may be collected first); now that we know who
 * agreed, the server keeps the record (PIPL). A failure there must not undo the sign-in: the
 * server answers CONSENT_REQUIRED where it matters, and the gate asks again.
 */
export async function signInWithCode(code: string): Promise<void> {
  const res = await call(accountApi.signIn, { body: { code } });
  saveSession({ token: res.token, expiresAt: res.expiresAt, user: res.user });
  if (hasAgreedPrivacy()) await recordPrivacyConsent();
}

/**
 * The 登录 button: privacy agreement first, then the way sign-in works in this build.
 * Returns true when the user is signed in afterwards (the dev page signs in on its own).
 */
export async function startSignIn(): Promise<boolean> {
  if (!(await ensurePrivacyAgreed())) return false;
  if (isLocalBuild) {
    await Taro.navigateTo({ url: devLoginRoute });
    return false;
  }
  if (isWeapp) {
    const { code } = await Taro.login();
    await signInWithCode(code);
    return true;
  }
  // The production h5 build has no WeChat login yet (staff sign-in on desktop comes later).
  await Taro.showModal({
    title: '请在微信中打开',
    content: '请在微信小程序“洪家”中登录。',
    showCancel: false,
  });
  return false;
}
