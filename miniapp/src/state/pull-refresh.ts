import Taro, { usePullDownRefresh } from '@tarojs/taro';

/**
 * Pull-to-refresh on a list page (WeChat's gesture; Taro's h5 draws the same): runs `reload` and
 * lets the spinner go when it has answered, failed or not. The page's config must say
 * `enablePullDownRefresh: true`, or the gesture never starts.
 */
export function usePullRefresh(reload: () => unknown): void {
  usePullDownRefresh(() => {
    Promise.resolve()
      .then(reload)
      .catch(() => undefined)
      .finally(() => Taro.stopPullDownRefresh());
  });
}
