import {
  type AssistanceRequestView,
  type AssistanceStatus,
  assistanceCategoryNames,
  type DistrictCode,
  districtByCode,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { AssignForm, assignable } from '../components/AssignForm';
import { AssistanceCard } from '../components/AssistanceCard';
import { DistrictChips } from '../components/DistrictChips';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { assistanceStatusNames, type EventKind, urgencyNames } from '../model/assistance';
import '../staff.css';

const tabs = (['awaiting_response', 'in_progress', 'resolved'] as const).map((s) => ({
  value: s as AssistanceStatus,
  text: assistanceStatusNames[s],
  key: s,
}));

/** Console and CSV columns: the family as the API labels it (masked); the description stays in the CSV. */
const requestColumns: Column<AssistanceRequestView>[] = [
  { key: 'family', header: '家庭', text: (r) => r.familyLabel },
  { key: 'district', header: '县区', text: (r) => districtByCode(r.district).name },
  { key: 'category', header: '类别', text: (r) => assistanceCategoryNames[r.category] },
  { key: 'urgency', header: '紧急程度', text: (r) => urgencyNames[r.urgency] },
  { key: 'status', header: '状态', text: (r) => assistanceStatusNames[r.status] },
  { key: 'overdue', header: '超时', text: (r) => (r.overdue ? '已超时' : '') },
  {
    key: 'createdAt',
    header: '提交时间',
    text: (r) => formatChinaDateTime(r.createdAt),
    sortBy: (r) => Date.parse(r.createdAt),
  },
  {
    key: 'dueAt',
    header: '响应期限',
    text: (r) => formatChinaDateTime(r.dueAt),
    sortBy: (r) => Date.parse(r.dueAt),
  },
  { key: 'filedBy', header: '提交人', text: (r) => r.filedBy.name },
  { key: 'contact', header: '联系人', text: (r) => r.contactPersonName ?? '' },
  { key: 'description', header: '求助内容', text: (r) => r.description, csvOnly: true },
];

/**
 * 求助工单 of the jurisdiction, earliest deadline first: 待首次响应 (with 只看超时), 处理中,
 * 已办结. Each event carries the version loaded; a stale one (someone else recorded meanwhile)
 * gets 409 and the list reloads.
 */
export default function AssistancePage() {
  const session = useSession();
  const [status, setStatus] = useState<AssistanceStatus>('awaiting_response');
  const overdueParam = useRouter().params.overdue === 'true';
  const [overdueOnly, setOverdueOnly] = useState(overdueParam);
  const [district, setDistrict] = useState<DistrictCode>();
  const [open, setOpen] = useState<string>();
  const form = useSubmit({ fallback: '保存失败，请稍后再试' });
  const overdue = status === 'awaiting_response' && overdueOnly;
  const load = useCallback(
    (cursor?: string) =>
      call(api.staffAssistanceRequests, {
        query: {
          status,
          cursor,
          ...(overdue ? { overdue: 'true' as const } : {}),
          ...(district ? { district } : {}),
        },
      }),
    [status, overdue, district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const { reload } = list;
  const wide = useWideLayout();

  async function record(id: string, version: number, kind: EventKind, note: string): Promise<boolean> {
    return form.run(
      async () => {
        const updated = await call(api.recordAssistanceEvent, {
          params: { id },
          body: { kind, expectedVersion: version, ...(note ? { note } : {}) },
        });
        list.setItems((items) => items.map((r) => (r.id === id ? updated : r)));
        Taro.showToast({ title: kind === 'resolved' ? '已办结' : '已记录', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          form.setBanner('这件工单刚被其他人更新过，已刷新，请核对后再记录。');
          void reload();
          return true;
        },
      },
    );
  }

  if (!session) {
    return (
      <PageShell name="staff-assistance">
        <SignInPrompt reason="卫健工作人员登录后处理特殊家庭的求助。" />
      </PageShell>
    );
  }
  const now = Date.now();
  // The same controls above the phone list and in the console table's toolbar.
  const filters = (
    <>
      <Chips
        idPrefix="assistance-status"
        label="工单状态"
        options={tabs}
        value={status}
        onChange={setStatus}
      />
      {session.user.cityWide ? (
        <DistrictChips idPrefix="assistance-district" value={district} onChange={setDistrict} />
      ) : null}
      {status === 'awaiting_response' ? (
        <View
          className={`chip${overdueOnly ? ' chip--on' : ''}`}
          aria-pressed={overdueOnly}
          onClick={() => setOverdueOnly(!overdueOnly)}
          {...button('只看超时未响应的工单', 'assistance-overdue-toggle')}
        >
          只看超时
        </View>
      ) : null}
    </>
  );
  const table = wide ? (
    <ConsoleList
      id="assistance"
      title={`求助工单-${overdue ? '超时' : assistanceStatusNames[status]}`}
      list={{ ...list, error: form.banner ?? list.error }}
      load={load}
      columns={requestColumns}
      keyOf={(r) => r.id}
      rowLabel={(r) => `${r.familyLabel}，${r.overdue ? '已超时，' : ''}在右侧打开`}
      dateOf={(r) => r.createdAt}
      filters={filters}
      pane={(r) => (
        <AssistanceCard
          key={r.id}
          request={r}
          open
          now={now}
          busy={form.busy}
          onOpen={() => {}}
          onEvent={(kind, note) => record(r.id, r.version, kind, note)}
        />
      )}
      paneLabel="工单详情"
    />
  ) : null;
  return (
    <PageShell name="staff-assistance">
      <StaffConsole current="assistance" console={table}>
        {filters}
        <Text className="muted">
          首次响应时限：紧急 24 小时，一般 72 小时。记录第一次电话、走访或备注即视为响应。
        </Text>
        <Banner id="assistance-error" text={form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="assistance-empty">
            {overdue ? '没有超时的工单。' : `没有${assistanceStatusNames[status]}的工单。`}
          </Text>
        ) : null}
        {list.items.map((r) => (
          <View key={r.id}>
            <AssistanceCard
              request={r}
              open={open === r.id}
              now={now}
              busy={form.busy}
              onOpen={() => setOpen(open === r.id ? undefined : r.id)}
              onEvent={(kind, note) => record(r.id, r.version, kind, note)}
            />
            {open === r.id && assignable(r) ? (
              <AssignForm request={r} busy={form.busy} onAssigned={() => void reload()} />
            ) : null}
          </View>
        ))}
        <LoadMore list={list} what="工单" id="assistance-more" />
      </StaffConsole>
    </PageShell>
  );
}
