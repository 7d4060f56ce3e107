import { type DistrictCode, type FactClaim, factClaimKindInfo } from '@hongjia/shared';
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
import type { Column } from '../../../lib/table';
import { factClaimStatusNames, factClaimSummary } from '../../../special-assistance/fact-claims';
import { usePaged } from '../../../state/paged';
import { DistrictChips } from '../components/DistrictChips';
import { FactClaimCard } from '../components/FactClaimCard';
import { useNote } from '../components/use-note';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { districtName } from '../model/labels';
import '../staff.css';

type Status = FactClaim['status'];
const statusOptions = (['pending_review', 'approved', 'rejected'] as const).map((s) => ({
  value: s,
  text: s === 'pending_review' ? '待审核' : factClaimStatusNames[s],
  key: s,
}));

/** Console and CSV columns: the family as the list API masks it (surnames only). */
const claimColumns: Column<FactClaim>[] = [
  { key: 'family', header: '家庭', text: (c) => c.familyLabel },
  { key: 'district', header: '县区', text: (c) => districtName(c.district) },
  { key: 'kind', header: '事项', text: (c) => factClaimKindInfo[c.kind].name },
  { key: 'fact', header: '内容', text: (c) => factClaimSummary(c) },
  { key: 'files', header: '材料', text: (c) => c.attachments.map((f) => f.fileName).join('、') },
  { key: 'status', header: '状态', text: (c) => factClaimStatusNames[c.status] },
  { key: 'reason', header: '审核意见', text: (c) => c.reviewReason ?? '' },
  {
    key: 'createdAt',
    header: '提交时间',
    text: (c) => formatChinaDateTime(c.createdAt),
    sortBy: (c) => Date.parse(c.createdAt),
  },
];

type Deciding = { claim: FactClaim; decision: 'approve' | 'reject' };

/**
 * 证明材料审核 (decision 0039): the facts special families sent with their proof. Approving puts
 * the fact on the family's record as the record form would (免申即享 finds it on the next run);
 * rejecting needs a reason the family reads. Opening the list or a file is recorded.
 */
export default function FactClaimsPage() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const [status, setStatus] = useState<Status>('pending_review');
  const [district, setDistrict] = useState<DistrictCode>();
  const load = useCallback(
    (cursor?: string) =>
      call(api.staffFactClaims, { query: { status, cursor, ...(district ? { district } : {}) } }),
    [status, district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const wide = useWideLayout();
  const [deciding, setDeciding] = useState<Deciding>();
  const note = useNote();
  const form = useSubmit({ fallback: '操作失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  async function decide({ claim, decision }: Deciding) {
    if (decision === 'reject' && note.value.trim() === '') {
      note.setError('驳回时请填写理由，家庭会看到它');
      return;
    }
    const body = decision === 'approve' ? { decision } : { decision, reason: note.value.trim() };
    const done = await form.run(async () => {
      await call(api.decideFactClaim, {
        params: { id: claim.id },
        body,
        idempotencyKey: keys.keyFor({ id: claim.id, body }),
      });
      note.clear();
      list.setItems((items) => items.filter((c) => c.id !== claim.id));
      Taro.showToast({ title: decision === 'approve' ? '已记入档案' : '已驳回', icon: 'success' });
    });
    setDeciding(undefined);
    if (!done) void list.reload();
  }

  if (!session) {
    return (
      <PageShell name="staff-fact-claims">
        <SignInPrompt reason="卫健工作人员登录后审核特殊家庭提交的证明材料。" />
      </PageShell>
    );
  }
  const controls = (
    <>
      <Banner
        id="claims-audit-note"
        tone="info"
        text="查看记录：打开列表和材料都会记入家庭的查看记录。请只在工作需要时查看。"
      />
      {cityWide ? <DistrictChips idPrefix="claims-district" value={district} onChange={setDistrict} /> : null}
      <Chips
        idPrefix="claims-status"
        label="审核状态"
        options={statusOptions}
        value={status}
        onChange={setStatus}
      />
    </>
  );
  const card = (c: FactClaim) => (
    <FactClaimCard
      key={c.id}
      claim={c}
      onDecide={(decision) => setDeciding({ claim: c, decision })}
      onError={(message) => form.setBanner(message)}
    />
  );
  const table = wide ? (
    <ConsoleList
      id="claims"
      title="证明材料审核"
      list={list}
      load={load}
      columns={claimColumns}
      keyOf={(c) => c.id}
      rowLabel={(c) => `${c.familyLabel} ${factClaimKindInfo[c.kind].name}，在右侧查看`}
      dateOf={(c) => c.createdAt}
      filters={controls}
      pane={card}
      paneLabel="材料详情"
    />
  ) : null;
  return (
    <PageShell name="staff-fact-claims">
      <StaffConsole current="fact-claims" console={table}>
        {controls}
        <Banner id="claims-error" text={form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="claims-empty">
            没有{statusOptions.find((o) => o.value === status)?.text}的证明材料。
          </Text>
        ) : null}
        {list.items.map(card)}
        <LoadMore list={list} what="材料" id="claims-more" />
      </StaffConsole>
      {deciding ? (
        <ConfirmDialog
          id="claims-dialog"
          title={deciding.decision === 'approve' ? '通过并记入档案？' : '驳回这份证明材料？'}
          message={
            deciding.decision === 'approve'
              ? `${factClaimSummary(deciding.claim)}。将记入${deciding.claim.familyLabel}的档案，下次免申即享筛查按它核对。`
              : `${deciding.claim.familyLabel}会看到驳回理由，可重新提交。`
          }
          confirmText={deciding.decision === 'approve' ? '确认通过' : '确认驳回'}
          danger={deciding.decision === 'reject'}
          busy={form.busy}
          onConfirm={() => decide(deciding)}
          onCancel={() => {
            setDeciding(undefined);
            note.setError(undefined);
          }}
        >
          {deciding.decision === 'reject' ? (
            <NoteField id="claims-reason" label="驳回理由" {...note.field} />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </PageShell>
  );
}
