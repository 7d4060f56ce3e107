import {
  api,
  type DistrictCode,
  districts,
  type Reconciliation,
  type ReconciliationItem,
  type ReconciliationKind,
} from '@hongjia/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { button, label } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner, Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { todayInChina } from '../../../lib/dates';
import { formatDateTime } from '../../../lib/format';
import { DistrictChips } from '../components/DistrictChips';
import { kindNames, kindTabs, shiftMonth, totalOpen } from '../model/monitoring';
import '../staff.css';

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
  const [month, setMonth] = useState(() => shiftMonth(todayInChina().slice(0, 7), -1));
  const [kind, setKind] = useState<ReconciliationKind>('delivery_without_registration');
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [list, setList] = useState<Reconciliation>();
  const [error, setError] = useState<string>();
  const [resolving, setResolving] = useState<ReconciliationItem>();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const keys = useRef(createKeyKeeper());

  const load = useCallback(
    async (cursor?: string) => {
      setError(undefined);
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
        setError(isApiError(e) ? e.message : '加载失败，请稍后再试');
      }
    },
    [month, kind, status, district],
  );

  useEffect(() => {
    if (session) load();
  }, [session, load]);

  const resolve = async () => {
    if (!resolving) return;
    const body = { note: note.trim(), expectedVersion: resolving.version };
    if (body.note.length < 2) {
      setNoteError('请填写核查说明');
      return;
    }
    try {
      await call(api.resolveReconciliationItem, {
        params: { id: resolving.id },
        body,
        idempotencyKey: keys.current.keyFor({ id: resolving.id, ...body }),
      });
      setResolving(undefined);
      setNote('');
      await load();
    } catch (e: unknown) {
      setResolving(undefined);
      setError(isApiError(e) ? e.message : '保存失败，请稍后再试');
      await load();
    }
  };

  if (!session) {
    return (
      <PageShell name="staff-monitoring-reconciliation">
        <SignInPrompt reason="卫健工作人员登录后核查监测数据。" />
      </PageShell>
    );
  }
  const counts = list?.counts;
  return (
    <PageShell name="staff-monitoring-reconciliation">
      <View className="staff">
        <Banner id="reconciliation-error" text={error} />
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
            <Button
              className="btn btn--plain btn--small"
              onClick={() => setMonth(shiftMonth(month, -1))}
              {...button('上个月', 'reconciliation-earlier')}
            >
              ‹ 上月
            </Button>
            <Text className="text" id="reconciliation-month">
              {month}
            </Text>
            <Button
              className="btn btn--plain btn--small"
              onClick={() => setMonth(shiftMonth(month, 1))}
              {...button('下个月', 'reconciliation-later')}
            >
              下月 ›
            </Button>
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

        <View className="section" id="reconciliation-items">
          <Text className="title">
            {kindNames[kind]}
            {status === 'open' && counts ? `（${counts[kind]}）` : ''}
          </Text>
          {list && list.items.length === 0 ? <Text className="muted">本月没有此类事项。</Text> : null}
          {list?.items.map((item) => (
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
                  已说明（{formatDateTime(item.resolution.resolvedAt)}）：{item.resolution.note}
                </Text>
              ) : (
                <Button
                  className="btn btn--plain btn--small"
                  onClick={() => {
                    setResolving(item);
                    setNote('');
                    setNoteError(undefined);
                  }}
                  {...button(`标记已核实：${item.detail}`, `gap-resolve-${item.id}`)}
                >
                  标记已核实
                </Button>
              )}
            </View>
          ))}
          {list?.nextCursor ? (
            <Button
              className="btn btn--plain"
              onClick={() => load(list.nextCursor ?? undefined)}
              {...button('加载更多', 'reconciliation-more')}
            >
              加载更多
            </Button>
          ) : null}
        </View>

        {resolving ? (
          <ConfirmDialog
            id="resolve-dialog"
            title="标记为已核实？"
            message={`${kindNames[resolving.kind]}：${resolving.detail}。说明将留档，此项不再计入待核查。`}
            confirmText="确认已核实"
            onConfirm={resolve}
            onCancel={() => setResolving(undefined)}
          >
            <Field id="resolve-note" label="核查说明" error={noteError}>
              <Textarea
                className="textarea"
                value={note}
                maxlength={500}
                placeholder="例如：已电话核实，产妇户籍在外省，已在当地登记"
                onInput={(e) => {
                  setNote(e.detail.value);
                  setNoteError(undefined);
                }}
                {...label('核查说明', 'resolve-note')}
              />
            </Field>
          </ConfirmDialog>
        ) : null}
      </View>
    </PageShell>
  );
}
