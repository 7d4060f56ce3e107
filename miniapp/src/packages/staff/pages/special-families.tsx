import type { DistrictCode } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { routes } from '../../../config/routes';
import { usePaged } from '../../../state/paged';
import { DistrictChips } from '../components/DistrictChips';
import { FamilyRow } from '../components/FamilyRow';
import { IdentityConflicts } from '../components/IdentityConflicts';
import { type Lacking, lackingNames } from '../model/labels';
import { takeFamiliesChanged } from '../model/refresh';
import '../staff.css';

type Tab = 'records' | 'conflicts';
const tabOptions = [
  { value: 'records' as Tab, text: '家庭档案', key: 'records' },
  { value: 'conflicts' as Tab, text: '实名冲突', key: 'conflicts' },
];
const lackingOptions = [
  { value: undefined as Lacking | undefined, text: '全部', key: 'all' },
  ...(['contactPerson', 'familyDoctor', 'greenChannel'] as const).map((k) => ({
    value: k as Lacking | undefined,
    text: `缺${lackingNames[k]}`,
    key: k,
  })),
];

/**
 * 特殊家庭档案: the jurisdiction's records, masked (surnames only), filtered by what they lack
 * of 三个全覆盖. `?tab=conflicts` opens 实名冲突 (ID numbers someone tried to bind twice).
 */
export default function SpecialFamiliesPage() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const initialTab: Tab = useRouter().params.tab === 'conflicts' ? 'conflicts' : 'records';
  const [tab, setTab] = useState<Tab>(initialTab);
  const [district, setDistrict] = useState<DistrictCode>();
  const [lacking, setLacking] = useState<Lacking>();
  const load = useCallback(
    (cursor?: string) =>
      call(api.staffSpecialFamilies, {
        query: { cursor, ...(district ? { district } : {}), ...(lacking ? { lacking } : {}) },
      }),
    [district, lacking],
  );
  const list = usePaged(load, { reloadWhen: tab === 'records' ? session : undefined });
  useDidShow(() => {
    if (takeFamiliesChanged() && session && tab === 'records') void list.reload();
  });

  if (!session) {
    return (
      <PageShell name="staff-special-families">
        <SignInPrompt reason="卫健工作人员登录后维护本辖区的特殊家庭档案。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-special-families">
      <View className="staff">
        <Chips idPrefix="sf-tab" label="内容" options={tabOptions} value={tab} onChange={setTab} />
        {tab === 'conflicts' ? (
          <IdentityConflicts />
        ) : (
          <>
            <Banner
              id="sf-audit-note"
              tone="info"
              text="查看记录：打开列表和每一份档案都会记入查看记录，家庭能看到查看的单位和时间。请只在工作需要时查看。"
            />
            {cityWide ? (
              <DistrictChips idPrefix="sf-district" value={district} onChange={setDistrict} />
            ) : null}
            <Chips
              idPrefix="sf-lacking"
              label="筛选"
              options={lackingOptions}
              value={lacking}
              onChange={setLacking}
            />
            <NavButton
              id="sf-create"
              label="建立特殊家庭档案"
              tone="primary"
              where={{ to: routes.staffSpecialFamilyForm }}
            >
              建立档案
            </NavButton>
            <Banner id="sf-list-error" text={list.error} />
            {list.loaded && list.items.length === 0 && !list.loading ? (
              <Text className="muted" id="sf-empty">
                {lacking ? `没有缺${lackingNames[lacking]}的家庭。` : '还没有特殊家庭档案。'}
              </Text>
            ) : null}
            {list.items.map((f) => (
              <FamilyRow key={f.id} family={f} />
            ))}
            <LoadMore list={list} what="档案" id="sf-more" />
          </>
        )}
      </View>
    </PageShell>
  );
}
