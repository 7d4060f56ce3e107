import type { MyBenefits } from '@hongjia/shared';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { benefitCards } from '../../../../special-assistance/benefit-card';
import { BenefitCard } from '../../components/special/BenefitCard';
import '../../special-assistance.css';

/** 我的扶助政策: every policy with 符合 or 暂不符合 and why, the amount, and whether it is paid. */
export default function Benefits() {
  const session = useSession();
  const [answer, setAnswer] = useState<MyBenefits>();
  const [error, setError] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      setAnswer(await call(api.myBenefits));
    } catch (e) {
      setError(isApiError(e) ? e.message : '加载失败，请稍后再试');
    }
  }
  useDidShow(() => {
    if (session) void load();
  });

  if (!session) {
    return (
      <PageShell name="special-benefits">
        <SignInPrompt reason="登录后查看您家可以享受的扶助政策。" />
      </PageShell>
    );
  }

  const cards = answer ? benefitCards(answer.items) : [];
  return (
    <PageShell name="special-benefits">
      <Banner id="benefits-error" text={error} />
      {error ? (
        <SubmitButton id="benefits-retry" label="重新加载" tone="plain" onClick={() => void load()} />
      ) : null}
      {!answer && !error ? (
        <View className="section" id="benefits-loading">
          <Text className="text">正在核对您家的扶助政策…</Text>
        </View>
      ) : null}
      {answer?.basis === 'none' ? (
        <View className="section" id="benefits-unbound">
          <Text className="text">实名认证后，才能按您家的档案核对扶助政策。</Text>
          <NavButton
            id="benefits-identity"
            label="去实名认证"
            tone="primary"
            where={{ to: routes.identity }}
          />
        </View>
      ) : null}
      {answer && answer.basis !== 'none' ? (
        <View className="section" id="benefits-intro">
          <Text className="text">
            按您家的{answer.basis === 'special_family' ? '档案' : '实名信息'}，在{spokenDate(answer.onDate)}
            核对的结果如下。每一项都写明了原因。
          </Text>
          <Text className="muted">符合条件的，工作人员会主动为您办理，不用您提出申请。</Text>
        </View>
      ) : null}
      {answer?.criticalIllnessCover ? (
        <View className="section" id="benefits-insurance">
          <Text className="title">重大疾病综合商业保险</Text>
          <Text className="text">
            {answer.criticalIllnessCover.insurer}承保，保单号 {answer.criticalIllnessCover.policyNumberMasked}
          </Text>
          <Text className="text">
            保险期间：{spokenDate(answer.criticalIllnessCover.from)}至
            {spokenDate(answer.criticalIllnessCover.to)}
            {answer.criticalIllnessCover.current ? '（保障中）' : '（不在保险期间内）'}
          </Text>
          <Text className="muted">需要理赔时，可联系您家的联系人协助办理。</Text>
        </View>
      ) : null}
      <View role="list" aria-label="扶助政策" id="benefits-list">
        {cards.map((card) => (
          <BenefitCard key={card.policyId} card={card} />
        ))}
      </View>
    </PageShell>
  );
}
