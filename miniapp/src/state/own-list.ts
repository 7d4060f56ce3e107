import { useDidShow } from '@tarojs/taro';
import type { Session } from '../auth/session';
import { type Page, usePaged } from './paged';
import { usePullRefresh } from './pull-refresh';

/**
 * A list of the signed-in person's own records (登记, 证书, 预约, 消息…): it reloads each time the
 * page shows, so coming back from a form or a decision shows what changed meanwhile, and on a
 * pull-down; signed out, nothing loads (the page shows its sign-in prompt instead).
 */
export function useOwnList<T>(
  session: Session | null | undefined,
  load: (cursor?: string) => Promise<Page<T>>,
) {
  const list = usePaged(load);
  useDidShow(() => {
    if (session) void list.reload();
  });
  usePullRefresh(() => (session ? list.reload() : undefined));
  return list;
}
