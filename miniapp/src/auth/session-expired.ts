import { confirm } from '../components/feedback';
import { goToSignIn } from './navigate';
import { clearSession } from './session';
import { startSignIn } from './sign-in';

let asking = false;

/**
 * The API answered 401. The session is dropped at once (its token is no good any more); then,
 * instead of taking the user away from what they were doing, WeChat's modal asks them to sign
 * in again. Signing in keeps them on the page (weapp signs in where they are; the local dev
 * sign-in page goes back to it), and the page reloads on the new session. Several calls failing
 * together ask once. A user who was not signed in at all goes to sign in as before.
 */
export function onUnauthorized(hadToken: boolean): void {
  clearSession();
  if (!hadToken) {
    goToSignIn();
    return;
  }
  if (asking) return;
  asking = true;
  void confirm({
    title: '登录已过期',
    content: '请重新登录，登录后回到本页。',
    confirmText: '重新登录',
    cancelText: '稍后',
  })
    .then((again) => (again ? startSignIn() : false))
    .catch(() => false)
    .finally(() => {
      asking = false;
    });
}
