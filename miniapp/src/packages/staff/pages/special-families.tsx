import type { DistrictCode, SpecialFamilySummary } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text } from '@tarojs/components';
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
import { useWideLayout } from '../../../console/use-wide-layout';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { DistrictChips } from '../components/DistrictChips';
import { FamilyRow } from '../components/FamilyRow';
import { IdentityConflicts } from '../components/IdentityConflicts';
import { SpecialFamilyBody } from '../components/SpecialFamilyBody';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import {
  districtName,
  familyKindNames,
  hukouTypeNames,
  type Lacking,
  lackingNames,
  memberRoleNames,
} from '../model/labels';
import { takeFamiliesChanged } from '../model/refresh';
import '../staff.css';

type Tab = 'records' | 'conflicts';

const yesNo = (on: boolean) => (on ? '有' : '缺');
/** Console and CSV columns: surnames only, as the list API masks them. */
const familyColumns: Column<SpecialFamilySummary>[] = [
  { key: 'kind', header: '类别', text: (f) => `${familyKindNames[f.kind]}家庭` },
  {
    key: 'members',
    header: '成员',
    text: (f) => f.membersMasked.map((m) => `${memberRoleNames[m.role]} ${m.nameMasked}`).join('、'),
  },
  { key: 'district', header: '县区', text: (f) => districtName(f.district) },
  { key: 'hukou', header: '户籍类型', text: (f) => hukouTypeNames[f.hukouType] },
  { key: 'contact', header: '联系人', text: (f) => yesNo(f.hasContactPerson) },
  { key: 'doctor', header: '家庭医生', text: (f) => yesNo(f.hasFamilyDoctor) },
  { key: 'green', header: '绿色通道', text: (f) => yesNo(f.hasGreenChannel) },
  { key: 'bound', header: '已实名成员', text: (f) => String(f.boundMembers), sortBy: (f) => f.boundMembers },
  {
    key: 'updatedAt',
    header: '最近更新',
    text: (f) => formatChinaDateTime(f.updatedAt),
    sortBy: (f) => Date.parse(f.updatedAt),
  },
];
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
  const wide = useWideLayout();
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
  // The audit note, filters and create button of the list: above the phone list, and in the
  // console table's toolbar (where the list can also be exported, so the note says so).
  const listControls = (
    <>
      <Banner
        id="sf-audit-note"
        tone="info"
        text={`查看记录：打开列表${wide ? '、导出' : ''}和每一份档案都会记入查看记录，家庭能看到查看的单位和时间。请只在工作需要时查看。`}
      />
      {cityWide ? <DistrictChips idPrefix="sf-district" value={district} onChange={setDistrict} /> : null}
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
    </>
  );
  const table =
    wide && tab === 'records' ? (
      <ConsoleList
        id="sf"
        title="特殊家庭档案"
        list={list}
        load={load}
        columns={familyColumns}
        keyOf={(f) => f.id}
        rowLabel={(f) =>
          `${familyKindNames[f.kind]}家庭 ${f.membersMasked.map((m) => m.nameMasked).join('、')}，在右侧打开档案`
        }
        dateOf={(f) => f.updatedAt}
        filters={
          <>
            <Chips idPrefix="sf-tab" label="内容" options={tabOptions} value={tab} onChange={setTab} />
            {listControls}
          </>
        }
        pane={(f) => <SpecialFamilyBody key={f.id} id={f.id} />}
        paneLabel="档案详情"
      />
    ) : null;
  return (
    <PageShell name="staff-special-families">
      <StaffConsole current="special-families" console={table}>
        <Chips idPrefix="sf-tab" label="内容" options={tabOptions} value={tab} onChange={setTab} />
        {tab === 'conflicts' ? (
          <IdentityConflicts />
        ) : (
          <>
            {listControls}
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
      </StaffConsole>
    </PageShell>
  );
}
