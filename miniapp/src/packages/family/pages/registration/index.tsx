import type { RegistrationStatus } from '@hongjia/shared';
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
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routes } from '../../../../config/routes';
import { kindNames, parityName, reapprovalExplained, statusNames } from '../../../../registration/labels';
import { useOwnList } from '../../../../state/own-list';
import '../../registration.css';

const statusClass = (s: RegistrationStatus) => `rg-status rg-status--${s}`;

/** 生育登记: start a new one, 出生一件事 after the birth, and 我的登记 with each status. */
export default function RegistrationHub() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myRegistrations, { query: { cursor } }), []);
  // A review can change the status while the family is elsewhere: useOwnList refreshes on every show.
  const list = useOwnList(session, load);

  return (
    <PageShell name="registration">
      <View className="section">
        <Text className="title">生育登记</Text>
        <Text className="text">
          在线填写夫妻双方信息和已有子女情况，全程不跑腿。符合条件的当场办结（秒办）并生成电子证明，其余由县区工作人员审核。
        </Text>
        <Text className="muted">{reapprovalExplained}</Text>
        <NavButton id="reg-new" label="新办生育登记" tone="primary" where={{ to: routes.registrationForm }} />
        <NavButton
          id="reg-birth-bundle"
          label="出生一件事：孩子出生后一次申请户口、医保、社保卡和预防接种"
          where={{ to: routes.birthBundle }}
        >
          出生一件事（孩子出生后办理）
        </NavButton>
      </View>
      {session ? (
        <View className="section">
          <Text className="title">我的登记</Text>
          <Banner id="my-registrations-error" text={list.items.length > 0 ? list.error : undefined} />
          <LoadState
            id="my-registrations"
            rows={2}
            status={pagedStatus(list)}
            empty={{ title: '还没有登记记录', hint: '点上方“新办生育登记”开始，提交后可在这里查看进度。' }}
          />
          <View aria-label="我的登记">
            {list.items.map((r, i) => (
              <View
                key={r.id}
                className="rg-card"
                onClick={() =>
                  Taro.navigateTo({ url: `${routes.registrationStatus}?id=${encodeURIComponent(r.id)}` })
                }
                {...button(
                  `${kindNames[r.kind]} ${parityName(r.parity)}，受理编号 ${r.receiptNo}，${statusNames[r.status]}，查看进度`,
                  `my-registration-${i}`,
                )}
              >
                <View className="rg-card__head">
                  <Text className="text">
                    {kindNames[r.kind]} · {parityName(r.parity)}
                  </Text>
                  <Text className={statusClass(r.status)} id={`my-registration-${i}-status`}>
                    {statusNames[r.status]}
                  </Text>
                </View>
                <Text className="muted">
                  受理编号 {r.receiptNo} · 母亲 {r.motherNameMasked} · {formatChinaDateTime(r.submittedAt)}
                </Text>
              </View>
            ))}
          </View>
          <LoadMore list={list} what="登记" id="my-registrations-more" />
        </View>
      ) : (
        <SignInPrompt reason="登录后办理生育登记、查看办理进度。" />
      )}
    </PageShell>
  );
}
