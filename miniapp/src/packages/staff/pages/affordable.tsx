import { type AffordableApplication, ageClassRules, districtByCode } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatMonthlyFee } from '../../../lib/format';
import { usePaged } from '../../../state/paged';
import { ReviewDecisionDialog } from '../components/ReviewDecisionDialog';
import { useReviewDecision } from '../components/use-review-decision';
import '../staff.css';
import { StaffConsole } from '../console/StaffConsole';

type Status = AffordableApplication['status'];
const statusNames: Record<Status, string> = {
  pending_review: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};
const statusOptions = (['pending_review', 'approved', 'rejected'] as const).map((s) => ({
  value: s,
  text: statusNames[s],
  key: s,
}));

/**
 * 普惠申报审核: the jurisdiction's 普惠托育 applications. Approval makes the named places affordable
 * in search and in 普惠率 and caps the fee; rejection needs a reason the provider sees.
 */
export default function AffordablePage() {
  const session = useSession();
  const [status, setStatus] = useState<Status>('pending_review');
  const load = useCallback(
    (cursor?: string) => call(api.staffAffordableApplications, { query: { status, cursor } }),
    [status],
  );
  const list = usePaged(load, { reloadWhen: session });
  const review = useReviewDecision<AffordableApplication>({
    reasonReader: '机构',
    approvedToast: '已通过',
    send: (application, body, idempotencyKey) =>
      call(api.decideAffordableApplication, { params: { id: application.id }, body, idempotencyKey }),
    onDecided: (application) => list.setItems((items) => items.filter((a) => a.id !== application.id)),
    reload: list.reload,
  });

  if (!session) {
    return (
      <PageShell name="staff-affordable">
        <SignInPrompt reason="卫健工作人员登录后审核普惠托育申报。" />
      </PageShell>
    );
  }

  return (
    <PageShell name="staff-affordable">
      <StaffConsole current="affordable">
        <Chips
          idPrefix="affordable-status"
          label="申报状态"
          options={statusOptions}
          value={status}
          onChange={setStatus}
        />
        <Banner id="affordable-error" text={review.form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 ? (
          <Text className="muted">没有{statusNames[status]}的普惠申报。</Text>
        ) : null}
        {list.items.map((a) => (
          <View key={a.id} className="section" id={`affordable-${a.id}`}>
            <Text className="text">{a.institutionName}</Text>
            <Text className="muted">
              {districtByCode(a.district).name} · 提交于 {formatChinaDateTime(a.createdAt)}
            </Text>
            <Text className="text">
              普惠限价 {formatMonthlyFee(a.feeCapYuan)}（申报时收费 {formatMonthlyFee(a.monthlyFeeYuan)}）
            </Text>
            {a.places.map((p) => (
              <Text key={p.ageClass} className="text">
                {ageClassRules[p.ageClass].name}：普惠托位 {p.places} 个
              </Text>
            ))}
            {a.attachments.length ? (
              <Text className="muted">证明材料：{a.attachments.map((f) => f.fileName).join('、')}</Text>
            ) : null}
            {a.note ? <Text className="muted">说明：{a.note}</Text> : null}
            {a.reviewReason ? <Text className="text">审核意见：{a.reviewReason}</Text> : null}
            {a.status === 'pending_review' ? (
              <View className="row">
                <SubmitButton
                  id={`affordable-approve-${a.id}`}
                  label={`通过${a.institutionName}的普惠申报`}
                  grow
                  onClick={() => review.ask(a, 'approve')}
                >
                  通过
                </SubmitButton>
                <SubmitButton
                  id={`affordable-reject-${a.id}`}
                  label={`驳回${a.institutionName}的普惠申报`}
                  tone="plain"
                  grow
                  onClick={() => review.ask(a, 'reject')}
                >
                  驳回
                </SubmitButton>
              </View>
            ) : null}
          </View>
        ))}
        <LoadMore list={list} what="申报" id="affordable-more" />
      </StaffConsole>
      <ReviewDecisionDialog
        id="affordable-dialog"
        reasonId="affordable-reason"
        review={review}
        title={{ approve: '通过这份普惠申报？', reject: '驳回这份普惠申报？' }}
        message={(application, verdict) =>
          verdict === 'approve'
            ? `${application.institutionName} 的普惠托位将计入普惠率，收费不得超过 ${formatMonthlyFee(application.feeCapYuan)}。`
            : `${application.institutionName} 会看到驳回理由，可重新申报。`
        }
      />
    </PageShell>
  );
}
