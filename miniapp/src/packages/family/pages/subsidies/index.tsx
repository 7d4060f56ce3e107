import type { SubsidyView } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { LoadMore } from '../../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../../components/LoadState';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { useOwnList } from '../../../../state/own-list';
import { subsidyCard } from '../../../../subsidies/labels';
import { policySummary } from '../../../../subsidies/preview';
import { SubsidyCard } from '../../components/subsidies/SubsidyCard';
import '../../subsidies.css';

/** 我的育儿补贴: each child's application with its review, yearly amounts, payments and 年度确认. */
export default function Subsidies() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myChildcareSubsidies, { query: { cursor } }), []);
  const list = useOwnList(session, load);
  const [renewing, setRenewing] = useState<SubsidyView>();
  const form = useSubmit({ fallback: '确认没有成功，请稍后再试' });

  async function renew(view: SubsidyView) {
    setRenewing(undefined);
    await form.run(async () => {
      const updated = await call(api.renewChildcareSubsidy, { params: { id: view.id } });
      list.setItems((items) => items.map((s) => (s.id === updated.id ? updated : s)));
      Taro.showToast({ title: '已确认', icon: 'success' });
    });
  }

  if (!session) {
    return (
      <PageShell name="subsidies">
        <SignInPrompt reason="登录后申领育儿补贴并查看审核和发放情况。" />
      </PageShell>
    );
  }

  const today = todayInChina();
  return (
    <PageShell name="subsidies">
      <View className="section">
        <Text className="text">{policySummary()}</Text>
        <NavButton
          id="subsidy-apply"
          label="申领育儿补贴"
          tone="primary"
          where={{ to: routes.subsidyApply }}
        />
      </View>
      <Banner id="subsidies-error" text={form.banner ?? (list.items.length > 0 ? list.error : undefined)} />
      <LoadState
        id="subsidies"
        rows={2}
        status={pagedStatus(list)}
        empty={{ title: '还没有申领记录', hint: '点上方“申领育儿补贴”，提交后可在这里查看审核和发放。' }}
      />
      <View role="list" aria-label="我的育儿补贴">
        {list.items.map((s) => (
          <SubsidyCard key={s.id} card={subsidyCard(s, today)} onRenew={() => setRenewing(s)} />
        ))}
      </View>
      <LoadMore list={list} what="申领" id="subsidies-more" />
      {renewing ? (
        <ConfirmDialog
          id="renew-dialog"
          title="年度确认"
          message={`请确认孩子${renewing.childNameMasked}仍未满 3 周岁、户籍没有迁出，仍由您抚养。确认后继续发放。`}
          confirmText="确认无变化"
          cancelText="取消"
          onConfirm={() => void renew(renewing)}
          onCancel={() => setRenewing(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
