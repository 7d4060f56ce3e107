import { type DistrictCode, type FactClaim, factClaimKindInfo } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { useWideLayout } from '../../../console/use-wide-layout';
import type { Column } from '../../../lib/table';
import { factClaimStatusNames, factClaimSummary } from '../../../special-assistance/fact-claims';
import { usePaged } from '../../../state/paged';
import { DistrictChips } from '../components/DistrictChips';
import { FactClaimCard } from '../components/FactClaimCard';
import { ReviewDecisionDialog } from '../components/ReviewDecisionDialog';
import { useReviewDecision } from '../components/use-review-decision';
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
  const review = useReviewDecision<FactClaim>({
    reasonReader: '家庭',
    approvedToast: '已记入档案',
    send: (claim, body, idempotencyKey) =>
      call(api.decideFactClaim, { params: { id: claim.id }, body, idempotencyKey }),
    onDecided: (claim) => list.setItems((items) => items.filter((c) => c.id !== claim.id)),
    reload: list.reload,
  });

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
      onDecide={(verdict) => review.ask(c, verdict)}
      onError={(message) => review.form.setBanner(message)}
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
        <Banner id="claims-error" text={review.form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="claims-empty">
            没有{statusOptions.find((o) => o.value === status)?.text}的证明材料。
          </Text>
        ) : null}
        {list.items.map(card)}
        <LoadMore list={list} what="材料" id="claims-more" />
      </StaffConsole>
      <ReviewDecisionDialog
        id="claims-dialog"
        reasonId="claims-reason"
        review={review}
        title={{ approve: '通过并记入档案？', reject: '驳回这份证明材料？' }}
        message={(claim, verdict) =>
          verdict === 'approve'
            ? `${factClaimSummary(claim)}。将记入${claim.familyLabel}的档案，下次免申即享筛查按它核对。`
            : `${claim.familyLabel}会看到驳回理由，可重新提交。`
        }
      />
    </PageShell>
  );
}
