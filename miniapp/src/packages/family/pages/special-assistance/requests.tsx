import type { AssistanceEvent } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { LoadMore } from '../../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../../components/LoadState';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routes } from '../../../../config/routes';
import { routeParam } from '../../../../lib/route-param';
import { contactPromise } from '../../../../special-assistance/deadline';
import { requestModel } from '../../../../special-assistance/request-view';
import { useOwnList } from '../../../../state/own-list';
import { RequestCard } from '../../components/special/RequestCard';
import '../../special-assistance.css';

/**
 * 我的求助: each request with its status, when the contact person will call (or, gently, that
 * they are late), and everything done so far. `?filed=<id>` comes from 我要求助 and says it arrived.
 */
export default function Requests() {
  const session = useSession();
  const filedId = routeParam(useRouter().params.filed);
  const load = useCallback((cursor?: string) => call(api.myAssistanceRequests, { query: { cursor } }), []);
  // Events come in while the page is closed: useOwnList reads again on every show.
  const list = useOwnList(session, load);
  // Whole histories read on request, by request id (the list carries each request's newest event).
  const [histories, setHistories] = useState<Record<string, AssistanceEvent[]>>({});
  const [reading, setReading] = useState<string | undefined>();
  // A failed read of a history stays on the page (not a toast: gone in two seconds, and on weapp
  // not enlarged in elderly mode, decision 0045); the card's button tries again.
  const [historyError, setHistoryError] = useState<string>();
  const showAll = async (id: string) => {
    setReading(id);
    setHistoryError(undefined);
    try {
      const events: AssistanceEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(api.assistanceRequestEvents, {
          params: { id },
          query: { limit: 50, cursor },
        });
        events.push(...page.items.map(({ seq: _seq, ...event }) => event));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      setHistories((known) => ({ ...known, [id]: events }));
    } catch {
      setHistoryError('读取办理记录失败，请稍后再试');
    } finally {
      setReading(undefined);
    }
  };

  if (!session) {
    return (
      <PageShell name="special-requests">
        <SignInPrompt reason="登录后查看您提出的求助和办理情况。" />
      </PageShell>
    );
  }

  const now = Date.now();
  const filed = filedId ? list.items.find((r) => r.id === filedId) : undefined;
  return (
    <PageShell name="special-requests">
      {filedId ? (
        <View className="section" id="requests-filed" role="status">
          <Text className="title">已收到您的求助</Text>
          {filed ? (
            <Text className="text" id="requests-filed-deadline">
              {contactPromise(filed.dueAt, filed.contactPersonName, now)}
            </Text>
          ) : null}
        </View>
      ) : null}
      <Banner id="requests-error" text={list.items.length > 0 ? list.error : undefined} />
      <Banner id="requests-history-error" text={historyError} />
      <LoadState
        id="requests"
        rows={2}
        status={pagedStatus(list)}
        empty={{
          title: '您还没有提出过求助',
          hint: '有需要时，随时可以告诉我们。',
          action: { text: '我要求助', onClick: () => Taro.redirectTo({ url: routes.specialHelp }) },
        }}
      />
      <View role="list" aria-label="我的求助">
        {list.items.map((r) => (
          <RequestCard
            key={r.id}
            model={requestModel(r, now, histories[r.id])}
            onShowAll={() => void showAll(r.id)}
            loadingAll={reading === r.id}
          />
        ))}
      </View>
      <LoadMore list={list} what="求助" id="requests-more" />
    </PageShell>
  );
}
