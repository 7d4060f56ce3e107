import Taro from '@tarojs/taro';
import { isWeapp } from '../config/env';
import { askPrivacy } from './store';

/** id of the agree button: WeChat checks that this very button was tapped before it resolves. */
export const agreeButtonId = 'privacy-agree';

/**
 * WeChat calls this when a private API (e.g. getFuzzyLocation) runs before the user agreed to
 * the guideline in WeChat's records. We show our gate and pass the answer back to WeChat.
 */
export function listenForWechatPrivacyRequests(): void {
  if (!isWeapp || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    // Always ask: WeChat needs a tap on the agree button even if our own record says agreed.
    askPrivacy().then((agreed) =>
      resolve(agreed ? { event: 'agree', buttonId: agreeButtonId } : { event: 'disagree' }),
    );
  });
}
