import {
  type DistrictCode,
  districtByCode,
  districts,
  type Reconciliation,
  type ReconciliationItem,
  type ReconciliationKind,
} from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { addMonths, monthOf } from '@hongjia/shared/calendar/months';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { NoteField } from '../../../components/NoteField';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import type { Column } from '../../../lib/table';
import { DistrictChips } from '../components/DistrictChips';
import { useNote } from '../components/use-note';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { kindNames, kindTabs, totalOpen } from '../model/monitoring';
import '../staff.css';

/** Console and CSV columns: references are masked by the API (ID numbers, names). */
const gapColumns: Column<ReconciliationItem>[] = [
  { key: 'month', header: '月份', text: (i) => i.month },
  { key: 'district', header: '县区', text: (i) => districtByCode(i.district).name },
  { key: 'kind', header: '类别', text: (i) => kindNames[i.kind] },
  { key: 'detail', header: '核查事项', text: (i) => i.detail },
  {
    key: 'references',
    header: '关联记录',
    text: (i) => i.references.map((r) => `${r.label}：${r.value}`).join('；'),
  },
  { key: 'status', header: '状态', text: (i) => (i.status === 'open' ? '待核查' : '已说明') },
  {
    key: 'createdAt',
    header: '发现时间',
    text: (i) => formatChinaDateTime(i.createdAt),
    sortBy: (i) => Date.parse(i.createdAt),
  },
  { key: 'resolution', header: '核查说明', text: (i) => i.resolution?.note ?? '', csvOnly: true },
];

/**
 * 核查清单: for one district and month, the open gaps between the sources by
 * kind (with counts), each with its masked references; staff mark one
 * explained with a note, after a confirmation, and it leaves the counts.
 */
export default function MonitoringReconciliationPage() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const [district, setDistrict] = useState<DistrictCode | undefined>(
    cityWide ? districts[0]?.code : undefined,
  );
  const [month, setMonth] = useState(() => addMonths(monthOf(todayInChina()), -1));
  const [kind, setKind] = useState<ReconciliationKind>('delivery_without_registration');
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [list, setList] = useState<Reconciliation>();
  const form = useSubmit({ fallback: '保存失败，请稍后再试' });
  const { setBanner } = form;
  const [resolving, setResolving] = useState<ReconciliationItem>();
  const note = useNote();
  const keys = useRef(createKeyKeeper());

  const load = useCallback(
    async (cursor?: string) => {
      setBanner(undefined);
      try {
        const page = await call(api.monitoringReconciliation, {
          query: {
            month,
            kind,
            status,
            limit: 20,
            ...(district ? { district } : {}),
            ...(cursor ? { cursor } : {}),
          },
        });
        setList((previous) =>
          cursor && previous ? { ...page, items: [...previous.items, ...page.items] } : page,
        );
      } catch (e: unknown) {
        setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试');
      }
    },
    [month, kind, status, district, setBanner],
  );

  useEffect(() => {
    if (session) load();
  }, [session, load]);

  // The console's export reads every page of the same query through the same audited route.
  const wide = useWideLayout();
  const fetchPage = useCallback(
    (cursor?: string) =>
      call(api.monitoringReconciliation, {
        query: {
          month,
          kind,
          status,
          limit: 50,
          ...(district ? { district } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    [month, kind, status, district],
  );

  const resolve = async () => {
    if (!resolving) return;
    const body = { note: note.value.trim(), expectedVersion: resolving.version };
    if (body.note.length < 2) {
      note.setError('请填写核查说明');
      return;
    }
    await form.run(async () => {
      await call(api.resolveReconciliationItem, {
        params: { id: resolving.id },
        body,
        idempotencyKey: keys.current.keyFor({ id: resolving.id, ...body }),
      });
      note.clear();
    });
    setResolving(undefined);
    // Either way the list is read again: resolved, it leaves the counts; refused, it may have changed.
    await load();
  };

  if (!session) {
    return (
      <PageShell name="staff-monitoring-reconciliation">
        <SignInPrompt reason="卫健工作人员登录后核查监测数据。" />
      </PageShell>
    );
  }
  const counts = list?.counts;
  /** One gap: what disagrees, its masked references, and its explanation or the button to give one. */
  const gapCard = (item: ReconciliationItem) => (
    <View key={item.id} className="st-item" id={`gap-${item.id}`}>
      <Text className="text">{item.detail}</Text>
      {item.references.map((reference) => (
        <View key={`${reference.label}-${reference.value}`} className="st-fact">
          <Text className="st-fact__name">{reference.label}</Text>
          <Text className="st-fact__value">{reference.value}</Text>
        </View>
      ))}
      {item.resolution ? (
        <Text className="muted">
          已说明（{formatChinaDateTime(item.resolution.resolvedAt)}）：{item.resolution.note}
        </Text>
      ) : (
        <SubmitButton
          id={`gap-resolve-${item.id}`}
          label={`标记已核实：${item.detail}`}
          tone="plain"
          small
          onClick={() => {
            setResolving(item);
            note.clear();
            note.setError(undefined);
          }}
        >
          标记已核实
        </SubmitButton>
      )}
    </View>
  );
  const table = wide ? (
    <ConsoleList
      id="gaps"
      title={`核查清单-${month}-${kindNames[kind]}-${status === 'open' ? '待核查' : '已说明'}`}
      list={{
        items: list?.items ?? [],
        loading: false,
        hasMore: Boolean(list?.nextCursor),
        loadMore: () => load(list?.nextCursor ?? undefined),
      }}
      load={fetchPage}
      columns={gapColumns}
      keyOf={(item) => item.id}
      rowLabel={(item) => `${item.detail}，在右侧打开`}
      pane={gapCard}
      paneLabel="核查事项详情"
    />
  ) : null;
  return (
    <PageShell name="staff-monitoring-reconciliation">
      <StaffConsole current="monitoring-reconciliation">
        <Banner id="reconciliation-error" text={form.banner} />
        <View className="section">
          <Text className="title">核查清单</Text>
          {cityWide ? (
            <DistrictChips
              idPrefix="reconciliation-district"
              value={district}
              withCity={false}
              onChange={setDistrict}
            />
          ) : null}
          <View className="st-filing__head">
            <SubmitButton
              id="reconciliation-earlier"
              label="上个月"
              tone="plain"
              small
              onClick={() => setMonth(addMonths(month, -1))}
            >
              ‹ 上月
            </SubmitButton>
            <Text className="text" id="reconciliation-month">
              {month}
            </Text>
            <SubmitButton
              id="reconciliation-later"
              label="下个月"
              tone="plain"
              small
              onClick={() => setMonth(addMonths(month, 1))}
            >
              下月 ›
            </SubmitButton>
          </View>
          <Chips
            idPrefix="reconciliation-status"
            label="状态"
            options={[
              { value: 'open' as const, key: 'open', text: '待核查' },
              { value: 'resolved' as const, key: 'resolved', text: '已说明' },
            ]}
            value={status}
            onChange={setStatus}
          />
          {counts ? (
            <>
              <Text className="muted" id="reconciliation-total">
                本月待核查共 {totalOpen(counts)} 项
              </Text>
              <Chips
                idPrefix="reconciliation-kind"
                label="类别"
                options={kindTabs(counts)}
                value={kind}
                onChange={setKind}
              />
            </>
          ) : null}
        </View>

        {table}
        <View className="section" id="reconciliation-items" style={wide ? { display: 'none' } : undefined}>
          <Text className="title">
            {kindNames[kind]}
            {status === 'open' && counts ? `（${counts[kind]}）` : ''}
          </Text>
          {list && list.items.length === 0 ? <Text className="muted">本月没有此类事项。</Text> : null}
          {list?.items.map(gapCard)}
          {list?.nextCursor ? (
            <SubmitButton
              id="reconciliation-more"
              label="加载更多"
              tone="plain"
              onClick={() => load(list.nextCursor ?? undefined)}
            />
          ) : null}
        </View>

        {resolving ? (
          <ConfirmDialog
            id="resolve-dialog"
            title="标记为已核实？"
            message={`${kindNames[resolving.kind]}：${resolving.detail}。说明将留档，此项不再计入待核查。`}
            confirmText="确认已核实"
            busy={form.busy}
            onConfirm={resolve}
            onCancel={() => setResolving(undefined)}
          >
            <NoteField
              id="resolve-note"
              label="核查说明"
              placeholder="例如：已电话核实，产妇户籍在外省，已在当地登记"
              {...note.field}
            />
          </ConfirmDialog>
        ) : null}
      </StaffConsole>
    </PageShell>
  );
}
