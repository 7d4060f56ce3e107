import { districtByCode, type InstitutionDetail } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { queryString } from '../../../api/url';
import { useSession } from '../../../auth/session';
import { institutionStatusNames } from '../../../childcare/labels';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../components/LoadState';
import { NavButton } from '../../../components/NavButton';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { routes } from '../../../config/routes';
import { useOwnList } from '../../../state/own-list';
import '../provider.css';

/** 托育机构工作台: the provider's filings with their review status, and what to do next with each. */
export default function ProviderHome() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.providerInstitutions, { query: { cursor } }), []);
  const list = useOwnList(session, load);

  if (!session) {
    return (
      <PageShell name="provider">
        <SignInPrompt reason="托育机构登录后办理登记备案、发布托位。" />
      </PageShell>
    );
  }

  const go = (url: string, inst: InstitutionDetail) =>
    Taro.navigateTo({ url: `${url}${queryString({ id: inst.id, name: inst.name })}` });

  return (
    <PageShell name="provider">
      <View className="section">
        <Text className="title">我的机构</Text>
        <Text className="muted">登记备案经县区卫健部门审核通过后，机构才会出现在家长的查找结果中。</Text>
        <NavButton
          id="provider-file"
          label="登记备案新机构"
          tone="primary"
          where={{ to: routes.providerFiling }}
        >
          登记备案
        </NavButton>
      </View>
      <Banner id="provider-error" text={list.items.length > 0 ? list.error : undefined} />
      <LoadState
        id="provider"
        rows={2}
        status={pagedStatus(list)}
        empty={{ title: '还没有备案的机构', hint: '点上方“登记备案”，审核通过后即可发布托位。' }}
      />
      {list.items.map((inst) => (
        <View key={inst.id} className="section" id={`institution-${inst.id}`}>
          <Text className="text pv-name">{inst.name}</Text>
          <Text className={`text pv-status pv-status--${inst.status}`} id={`institution-status-${inst.id}`}>
            {institutionStatusNames[inst.status]}
          </Text>
          <Text className="muted">
            {districtByCode(inst.district).name} · {inst.address}
          </Text>
          {inst.status === 'pending_review' ? (
            <Text className="muted" id={`institution-review-${inst.id}`}>
              工作人员将进行核对，结果会发消息告诉您。
            </Text>
          ) : null}
          {inst.status === 'rejected' && inst.reviewReason ? (
            <Text className="text">驳回理由：{inst.reviewReason}</Text>
          ) : null}
          {inst.status === 'published' ? (
            <View className="row">
              <SubmitButton
                id={`provider-slots-${inst.id}`}
                label={`为${inst.name}发布托位`}
                tone="plain"
                grow
                onClick={() => go(routes.providerSlots, inst)}
              >
                发布托位
              </SubmitButton>
              <SubmitButton
                id={`provider-bookings-${inst.id}`}
                label={`查看预约：${inst.name}`}
                tone="plain"
                grow
                onClick={() => go(routes.providerBookings, inst)}
              >
                查看预约
              </SubmitButton>
            </View>
          ) : null}
          {inst.status === 'published' ? (
            <View className="row">
              <SubmitButton
                id={`provider-affordable-${inst.id}`}
                label={`为${inst.name}申报普惠托育`}
                tone="plain"
                grow
                onClick={() => go(routes.providerAffordable, inst)}
              >
                {inst.affordablePlaces !== undefined ? '普惠（已认定）' : '普惠申报'}
              </SubmitButton>
              <SubmitButton
                id={`provider-inspections-${inst.id}`}
                label={`查看${inst.name}的安全检查`}
                tone="plain"
                grow
                onClick={() => go(routes.providerInspections, inst)}
              >
                安全检查
              </SubmitButton>
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} what="机构" id="provider-more" />
    </PageShell>
  );
}
