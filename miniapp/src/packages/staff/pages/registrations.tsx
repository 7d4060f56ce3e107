import {
  type Api,
  type DistrictCode,
  districtByCode,
  districts,
  type RegistrationStatus,
  type ResponseOf,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { pressable } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { WindowedList } from '../../../components/WindowedList';
import { routes } from '../../../config/routes';
import { useWideLayout } from '../../../console/use-wide-layout';
import type { Column } from '../../../lib/table';
import { kindNames, parityName, statusNames } from '../../../registration/labels';
import { usePaged } from '../../../state/paged';
import { RegistrationReviewBody } from '../components/RegistrationReviewBody';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

const statusOptions = (['pending_review', 'returned', 'approved', 'rejected', 'voided'] as const).map(
  (s) => ({
    value: s as RegistrationStatus,
    text: statusNames[s],
    key: s,
  }),
);
const districtOptions = [
  { value: undefined as DistrictCode | undefined, text: '全市', key: 'all' },
  ...districts.map((d) => ({ value: d.code as DistrictCode | undefined, text: d.name, key: d.code })),
];

type Row = ResponseOf<Api['staffRegistrations']>['items'][number];

/** The columns of the console's table and of the CSV: what the queue's cards show, masked as they are. */
const columns: Column<Row>[] = [
  { key: 'receiptNo', header: '受理编号', text: (r) => r.receiptNo },
  { key: 'kind', header: '登记类型', text: (r) => kindNames[r.kind] },
  { key: 'parity', header: '孩次', text: (r) => parityName(r.parity) },
  { key: 'mother', header: '母亲', text: (r) => r.motherNameMasked },
  { key: 'district', header: '受理地', text: (r) => districtByCode(r.jurisdiction).name },
  { key: 'status', header: '状态', text: (r) => statusNames[r.status] },
  {
    key: 'submittedAt',
    header: '提交时间',
    text: (r) => formatChinaDateTime(r.submittedAt),
    sortBy: (r) => Date.parse(r.submittedAt),
  },
];

/** 生育登记审核 queue: the jurisdiction's registrations by status; city staff pick a district. */
export default function RegistrationQueue() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const [status, setStatus] = useState<RegistrationStatus>('pending_review');
  const [district, setDistrict] = useState<DistrictCode>();
  const load = useCallback(
    (cursor?: string) =>
      call(api.staffRegistrations, { query: { status, cursor, ...(district ? { district } : {}) } }),
    [status, district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const wide = useWideLayout();

  const { reload } = list;
  // Decisions are made on the detail page: the queue is fresh whenever it shows again.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && session) void reload();
    shownBefore.current = true;
  });

  if (!session) {
    return (
      <PageShell name="staff-registrations">
        <SignInPrompt reason="卫健工作人员登录后审核生育登记。" />
      </PageShell>
    );
  }
  const end = list.loading ? '加载中…' : list.hasMore ? '上滑加载更多' : `共 ${list.items.length} 件`;
  const filters = (
    <>
      <Chips
        idPrefix="regq-status"
        label="登记状态"
        options={statusOptions}
        value={status}
        onChange={setStatus}
      />
      {cityWide ? (
        <Chips
          idPrefix="regq-district"
          label="县区"
          options={districtOptions}
          value={district}
          onChange={setDistrict}
        />
      ) : null}
    </>
  );
  if (process.env.TARO_ENV === 'h5' && wide) {
    return (
      <PageShell name="staff-registrations">
        <StaffConsole current="registrations">
          <ConsoleList
            id="regq"
            title={`生育登记-${statusNames[status]}`}
            list={list}
            load={load}
            columns={columns}
            keyOf={(r) => r.id}
            rowLabel={(r) =>
              `${r.receiptNo}，母亲 ${r.motherNameMasked}，${statusNames[r.status]}，在右侧打开`
            }
            dateOf={(r) => r.submittedAt}
            filters={filters}
            // A decided registration leaves the queue: the list reloads and the pane closes with it.
            pane={(r) => <RegistrationReviewBody key={r.id} id={r.id} onDecided={() => void reload()} />}
            paneLabel="登记详情"
          />
        </StaffConsole>
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-registrations">
      <StaffConsole current="registrations">
        {filters}
        <Banner id="regq-error" text={list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="regq-empty">
            没有{statusNames[status]}的登记。
          </Text>
        ) : (
          <WindowedList
            id="regq"
            label="生育登记审核队列"
            items={list.items}
            estimatedRowPx={(Taro.getSystemInfoSync().windowWidth / 750) * 200}
            keyOf={(r) => r.id}
            onEndReached={list.loadMore}
            renderRow={(r, i) => (
              <View
                className="st-reg-row"
                onClick={() =>
                  Taro.navigateTo({ url: `${routes.staffRegistration}?id=${encodeURIComponent(r.id)}` })
                }
                // Named by what it shows (kind, mother, status, receipt number): an aria-label
                // in another order failed axe's label-content-name-mismatch.
                {...pressable(`regq-${i}`)}
              >
                <View className="st-reg-row__line">
                  <Text className="text">
                    {kindNames[r.kind]} · {parityName(r.parity)} · {r.motherNameMasked}
                  </Text>
                  <Text className="text">{statusNames[r.status]}</Text>
                </View>
                <View className="st-reg-row__line">
                  <Text className="muted">
                    {r.receiptNo} · {districtByCode(r.jurisdiction).name}
                  </Text>
                  <Text className="muted">{formatChinaDateTime(r.submittedAt)}</Text>
                </View>
              </View>
            )}
            footer={
              <Text className="list-end" id="regq-end">
                {end}
              </Text>
            }
          />
        )}
      </StaffConsole>
    </PageShell>
  );
}
