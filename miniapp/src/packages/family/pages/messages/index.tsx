import type { Notification } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { button } from '../../../../components/a11y';
import { Banner } from '../../../../components/Field';
import { LoadMore } from '../../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../../components/LoadState';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { useOwnList } from '../../../../state/own-list';
import '../../childcare.css';

/**
 * 消息: what the system told the user (候补递补, decisions…). In production each also arrives as
 * a WeChat subscription message; this list is the record, and the only place locally.
 */
export default function Messages() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myNotifications, { query: { cursor } }), []);
  const list = useOwnList(session, load);

  if (!session) {
    return (
      <PageShell name="messages">
        <SignInPrompt reason="登录后查看预约递补、审核结果等消息。" />
      </PageShell>
    );
  }

  // Only our own pages: a link is a path inside the mini-program, never a web address.
  const open = (n: Notification) => {
    if (n.link?.startsWith('/')) Taro.navigateTo({ url: n.link });
  };

  return (
    <PageShell name="messages">
      <Banner id="messages-error" text={list.items.length > 0 ? list.error : undefined} />
      <LoadState
        id="messages"
        status={pagedStatus(list)}
        empty={{ title: '暂无消息', hint: '审核结果、候补递补等通知会出现在这里，下拉可刷新。' }}
      />
      <View role="list" aria-label="消息">
        {list.items.map((n) => (
          <View
            key={n.id}
            className="cc-card"
            id={`message-${n.id}`}
            onClick={() => open(n)}
            {...(n.link ? button(`${n.title}：${n.body}`) : { 'aria-label': `${n.title}：${n.body}` })}
            role="listitem"
          >
            <Text className="text">{n.title}</Text>
            <Text className="muted">{n.body}</Text>
            <Text className="muted">{formatChinaDateTime(n.createdAt)}</Text>
          </View>
        ))}
      </View>
      <LoadMore list={list} what="消息" id="messages-more" />
    </PageShell>
  );
}
