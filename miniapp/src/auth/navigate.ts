import Taro from '@tarojs/taro';
import { devLoginRoute, entryRoutes as routes } from '../config/entry-routes';
import { isLocalBuild } from '../config/env';

/**
 * Where a user goes to sign in: the dev sign-in page in local builds, else 我的, whose button
 * runs wx.login. Used after a 401 too.
 */
export function goToSignIn(): void {
  if (isLocalBuild) {
    Taro.navigateTo({ url: devLoginRoute });
    return;
  }
  Taro.switchTab({ url: routes.me });
}
