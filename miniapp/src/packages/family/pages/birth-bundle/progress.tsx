import type { BirthBundleView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { useSession } from '../../../../auth/session';
import { itemNames, itemStatusText, stillMoving } from '../../../../birth-bundle/labels';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routeParam } from '../../../../lib/route-param';
import { usePolling } from '../../../../state/polling';
import '../../registration.css';

type Bundle = z.infer<typeof BirthBundleView>;

/** Agencies answer within seconds to minutes: a few seconds between looks is enough. */
const pollMs = 3000;

/** 办理进度 of 出生一件事: each item's status, refreshed while any is still on its way. */
export default function BirthBundleProgress() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  const [bundle, setBundle] = useState<Bundle>();
  const [error, setError] = useState<string>();

  const load = async (loading: boolean) => {
    try {
      setBundle(await call(api.getBirthBundle, { params: { id }, loading }));
      setError(undefined);
    } catch (e) {
      setError(isApiError(e) ? e.message : '加载失败，稍后自动重试');
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per id; polling does the rest.
  useEffect(() => {
    if (session && id) void load(true);
  }, [session, id]);
  usePolling(() => load(false), Boolean(session && bundle && stillMoving(bundle.items)), pollMs);

  if (!session) {
    return (
      <PageShell name="birth-bundle-progress">
        <SignInPrompt reason="登录后查看出生一件事的办理进度。" />
      </PageShell>
    );
  }
  const moving = bundle ? stillMoving(bundle.items) : false;
  return (
    <PageShell name="birth-bundle-progress">
      <Banner id="bundle-progress-error" text={error} />
      {bundle ? (
        <View className="section">
          <Text className="title">出生一件事 · {bundle.childNameMasked}</Text>
          <Text className="muted">提交于 {formatChinaDateTime(bundle.createdAt)}</Text>
          <Text className="muted" id="bundle-progress-live" aria-live="polite">
            {moving ? '正在办理，页面会自动刷新；如有需要，工作人员将进行核对。' : '各项均已有结果。'}
          </Text>
          {bundle.notice ? (
            <Text className="text" id="bundle-progress-notice" aria-live="polite">
              {bundle.notice}
            </Text>
          ) : null}
          <View role="list" aria-label="各事项办理进度">
            {bundle.items.map((item) => (
              <View
                key={item.kind}
                className="rg-summary-row"
                role="listitem"
                id={`bundle-item-${item.kind}`}
              >
                <View>
                  <Text className="text">{itemNames[item.kind].name}</Text>
                  <Text className="muted">
                    {itemNames[item.kind].agency} · 更新于 {formatChinaDateTime(item.updatedAt)}
                    {item.agencyReference ? ` · 回执 ${item.agencyReference}` : ''}
                  </Text>
                  {item.status === 'failed' ? (
                    <Text className="muted">
                      {item.lastError ?? '对方部门未能受理'}。请携带出生医学证明到附近服务网点咨询。
                    </Text>
                  ) : null}
                </View>
                <Text className={`rg-status rg-item--${item.status}`} id={`bundle-item-${item.kind}-status`}>
                  {itemStatusText(item)}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
