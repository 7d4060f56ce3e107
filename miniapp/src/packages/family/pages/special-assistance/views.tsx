import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { LoadMore } from '../../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../../components/LoadState';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { useOwnList } from '../../../../state/own-list';
import '../../special-assistance.css';

/** 谁查看了我的档案: every staff read or change of the family's record, by office, newest first. */
export default function RecordViews() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myRecordViews, { query: { cursor } }), []);
  const list = useOwnList(session, load);

  if (!session) {
    return (
      <PageShell name="special-views">
        <SignInPrompt reason="登录后查看谁查看过您家的档案。" />
      </PageShell>
    );
  }

  return (
    <PageShell name="special-views">
      <View className="section">
        <Text className="text">
          工作人员每次查看、更新您家的档案，都会记在这里。这里写的是单位名称，不写个人姓名。
        </Text>
      </View>
      <Banner id="views-error" text={list.items.length > 0 ? list.error : undefined} />
      <LoadState
        id="views"
        rows={2}
        status={pagedStatus(list)}
        empty={{ title: '还没有人查看过您家的档案' }}
      />
      <View role="list" aria-label="档案查看记录">
        {list.items.map((v, i) => (
          <View key={`${v.at}-${v.viewer}-${v.action}`} className="sa-card" id={`view-${i}`} role="listitem">
            <Text className="text sa-card__name">{v.viewer}</Text>
            <Text className="text">{v.actionLabel}</Text>
            <Text className="muted">{formatChinaDateTime(v.at)}</Text>
          </View>
        ))}
      </View>
      <LoadMore list={list} what="记录" id="views-more" />
    </PageShell>
  );
}
