import {
  type DistrictCode,
  districtByCode,
  SubsidyReview,
  type SubsidyStatus,
  type SubsidyView,
} from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { NoteField } from '../../../components/NoteField';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import { formatYuan } from '../../../lib/format';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { DistrictChips } from '../components/DistrictChips';
import { SubsidyCard } from '../components/SubsidyCard';
import { useNote } from '../components/use-note';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { type PaymentRow, paymentBody, paymentConfirm, subsidyStatusNames } from '../model/subsidies';
import '../staff.css';

const statusOptions = (['pending_review', 'approved', 'rejected'] as const).map((s) => ({
  value: s as SubsidyStatus,
  text: subsidyStatusNames[s],
  key: s,
}));

/** Console and CSV columns: the card's facts, masked as the API sends them. */
const subsidyColumns: Column<SubsidyView>[] = [
  { key: 'child', header: '孩子', text: (s) => s.childNameMasked },
  { key: 'childId', header: '孩子身份证号', text: (s) => s.childIdNumberMasked },
  { key: 'birth', header: '出生日期', text: (s) => s.childBirthDate },
  { key: 'applicant', header: '申请人', text: (s) => s.applicantNameMasked },
  { key: 'district', header: '户籍县区', text: (s) => districtByCode(s.hukouDistrict).name },
  { key: 'months', header: '月数', text: (s) => String(s.months), sortBy: (s) => s.months },
  { key: 'amount', header: '金额（元）', text: (s) => String(s.amountYuan), sortBy: (s) => s.amountYuan },
  { key: 'status', header: '状态', text: (s) => subsidyStatusNames[s.status] },
  {
    key: 'submittedAt',
    header: '提交时间',
    text: (s) => formatChinaDateTime(s.submittedAt),
    sortBy: (s) => Date.parse(s.submittedAt),
  },
  { key: 'reviewDueBy', header: '审核期限', text: (s) => s.reviewDueBy },
  { key: 'comment', header: '审核意见', text: (s) => s.comment ?? '', csvOnly: true },
];

type Deciding = { subsidy: SubsidyView; decision: 'approve' | 'reject' };
type Paying = { subsidy: SubsidyView; row: PaymentRow };

/**
 * 育儿补贴审核: the jurisdiction's applications, oldest first, each with its 30-working-day
 * deadline (highlighted within 5 days or past). A decision carries the version loaded, so two
 * reviewers cannot both decide: the second gets 409 and the queue reloads. Approved cards record
 * each year's payment (登记发放) the same way, with an Idempotency-Key per application and body
 * so a retried tap replays the first answer instead of paying twice.
 */
export default function SubsidiesPage() {
  const session = useSession();
  const [status, setStatus] = useState<SubsidyStatus>('pending_review');
  const [district, setDistrict] = useState<DistrictCode>();
  const [deciding, setDeciding] = useState<Deciding>();
  const note = useNote();
  const form = useSubmit({ fallback: '操作失败，请稍后再试' });
  const { setBanner } = form;
  const [paying, setPaying] = useState<Paying>();
  const payKeys = useRef(createKeyKeeper()).current;
  const load = useCallback(
    (cursor?: string) =>
      call(api.staffChildcareSubsidies, { query: { status, cursor, ...(district ? { district } : {}) } }),
    [status, district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const { reload } = list;
  const wide = useWideLayout();

  async function decide({ subsidy, decision }: Deciding) {
    const body = { decision, comment: note.value.trim() || undefined, expectedVersion: subsidy.version };
    const checked = SubsidyReview.safeParse(body);
    if (!checked.success) {
      note.setError(checked.error.issues[0]?.message);
      return;
    }
    const done = await form.run(
      async () => {
        await call(api.reviewChildcareSubsidy, { params: { id: subsidy.id }, body: checked.data });
        note.clear();
        list.setItems((items) => items.filter((s) => s.id !== subsidy.id));
        Taro.showToast({ title: decision === 'approve' ? '已通过' : '已处理', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          setBanner('这份申请已被其他工作人员处理，列表已刷新。');
          return true;
        },
      },
    );
    setDeciding(undefined);
    if (!done) void reload();
  }

  async function pay({ subsidy, row }: Paying) {
    setPaying(undefined);
    const body = paymentBody(subsidy, row);
    await form.run(
      async () => {
        const updated = await call(api.recordSubsidyPayment, {
          params: { id: subsidy.id },
          body,
          // The path is part of the request: the same year and amount of another child is another key.
          idempotencyKey: payKeys.keyFor({ id: subsidy.id, body }),
        });
        list.setItems((items) => items.map((s) => (s.id === updated.id ? updated : s)));
        Taro.showToast({ title: '已登记发放', icon: 'success' });
      },
      {
        fallback: '登记没有成功，请稍后再试',
        onApiError: (e) => {
          if (e.code === 'CONFLICT' || e.code === 'PAYMENT_EXISTS') void reload();
          if (e.code !== 'CONFLICT') return false;
          setBanner('这份申请已被其他工作人员更新，列表已刷新，请核对后再登记。');
          return true;
        },
      },
    );
  }

  if (!session) {
    return (
      <PageShell name="staff-subsidies">
        <SignInPrompt reason="卫健工作人员登录后审核育儿补贴申请。" />
      </PageShell>
    );
  }
  const today = todayInChina();
  const card = (s: SubsidyView) => (
    <SubsidyCard
      key={s.id}
      subsidy={s}
      today={today}
      onDecide={(decision) => {
        note.setError(undefined);
        setDeciding({ subsidy: s, decision });
      }}
      onPay={(row) => setPaying({ subsidy: s, row })}
    />
  );
  // The same controls above the phone list and in the console table's toolbar.
  const filters = (
    <>
      <Chips
        idPrefix="subsidies-status"
        label="审核状态"
        options={statusOptions}
        value={status}
        onChange={setStatus}
      />
      {session.user.cityWide ? (
        <DistrictChips idPrefix="subsidies-district" value={district} onChange={setDistrict} />
      ) : null}
    </>
  );
  const table = wide ? (
    <ConsoleList
      id="subsidies"
      title={`育儿补贴-${subsidyStatusNames[status]}`}
      list={{ ...list, error: form.banner ?? list.error }}
      load={load}
      columns={subsidyColumns}
      keyOf={(s) => s.id}
      rowLabel={(s) => `${s.childNameMasked}，申请人 ${s.applicantNameMasked}，在右侧打开`}
      dateOf={(s) => s.submittedAt}
      filters={filters}
      pane={card}
      paneLabel="申请详情"
    />
  ) : null;
  return (
    <PageShell name="staff-subsidies">
      <StaffConsole current="subsidies" console={table}>
        {filters}
        <Text className="muted">应在提交后 30 个工作日内审核；5 天内到期和已超期的以红色标出。</Text>
        <Banner id="subsidies-error" text={form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="subsidies-empty">
            没有{subsidyStatusNames[status]}的申请。
          </Text>
        ) : null}
        {list.items.map((s) => (
          <SubsidyCard
            key={s.id}
            subsidy={s}
            today={today}
            onDecide={(decision) => {
              note.setError(undefined);
              setDeciding({ subsidy: s, decision });
            }}
            onPay={(row) => setPaying({ subsidy: s, row })}
          />
        ))}
        <LoadMore list={list} what="申请" id="subsidies-more" />
      </StaffConsole>
      {deciding ? (
        <ConfirmDialog
          id="subsidy-dialog"
          title={deciding.decision === 'approve' ? '通过这份申请？' : '不予发放？'}
          message={
            deciding.decision === 'approve'
              ? `${deciding.subsidy.childNameMasked}：共 ${deciding.subsidy.months} 个月，${formatYuan(deciding.subsidy.amountYuan)}。家庭会收到通知。`
              : `${deciding.subsidy.childNameMasked}：家庭会看到您填写的原因。`
          }
          confirmText={deciding.decision === 'approve' ? '确认通过' : '确认不予发放'}
          danger={deciding.decision === 'reject'}
          busy={form.busy}
          onConfirm={() => decide(deciding)}
          onCancel={() => setDeciding(undefined)}
        >
          <NoteField
            id="subsidy-comment"
            label={deciding.decision === 'approve' ? '意见（选填）' : '原因（必填，家庭会看到）'}
            spoken="审核意见"
            {...note.field}
          />
        </ConfirmDialog>
      ) : null}
      {paying ? (
        <ConfirmDialog
          id="subsidy-pay-dialog"
          {...paymentConfirm(paying.subsidy, paying.row)}
          confirmText="确认登记"
          onConfirm={() => void pay(paying)}
          onCancel={() => setPaying(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
