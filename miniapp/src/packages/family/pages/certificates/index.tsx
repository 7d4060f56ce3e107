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
import { useOwnList } from '../../../../state/own-list';
import '../../registration.css';

/** 我的证件: the family's e-certificates, and the way to the nearest service points. */
export default function Certificates() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myCertificates, { query: { cursor } }), []);
  const list = useOwnList(session, load);

  return (
    <PageShell name="certificates">
      <View className="section">
        <Text className="title">我的证件</Text>
        <Text className="text">出示电子证明供窗口核验；需要纸质件时领取打印码，到附近的自助打印机打印。</Text>
        <NavButton
          id="cert-service-points"
          label="附近服务网点：打印、领取、咨询"
          where={{ to: routes.servicePoints }}
        >
          附近服务网点
        </NavButton>
      </View>
      {session ? (
        <View className="section">
          <Banner id="certificates-error" text={list.items.length > 0 ? list.error : undefined} />
          <LoadState
            id="certificates"
            rows={2}
            status={pagedStatus(list)}
            empty={{
              title: '还没有电子证明',
              hint: '生育登记办结后，证明会出现在这里。',
              action: {
                text: '去办理生育登记',
                onClick: () => Taro.navigateTo({ url: routes.registration }),
              },
            }}
          />
          <View aria-label="我的证件">
            {list.items.map((c, i) => (
              <View
                key={c.id}
                className="rg-card"
                onClick={() =>
                  Taro.navigateTo({ url: `${routes.certificate}?id=${encodeURIComponent(c.id)}` })
                }
                {...button(`${c.title}，${formatChinaDateTime(c.issuedAt)} 签发，查看`, `certificate-${i}`)}
              >
                <Text className="text">{c.title}</Text>
                <Text className="muted">
                  签发 {formatChinaDateTime(c.issuedAt)} · 核验码 {c.verifyCode}
                </Text>
              </View>
            ))}
          </View>
          <LoadMore list={list} what="证件" id="certificates-more" />
        </View>
      ) : (
        <SignInPrompt reason="登录后查看您的电子证明并领取打印码。" />
      )}
    </PageShell>
  );
}
