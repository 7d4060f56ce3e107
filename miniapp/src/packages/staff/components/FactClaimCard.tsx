import type { FactClaim } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../components/SubmitButton';
import { factClaimStatusNames, factClaimSummary } from '../../../special-assistance/fact-claims';
import { openFactClaimAttachment } from '../../../uploads/open-attachment';
import { districtName } from '../model/labels';

/**
 * One family-supplied proof (decision 0039) as staff review it: what it says, the proof to open
 * (each opening is recorded for the family to see), and 通过 / 驳回 while it waits.
 */
export function FactClaimCard({
  claim,
  onDecide,
  onError,
}: {
  claim: FactClaim;
  onDecide: (decision: 'approve' | 'reject') => void;
  onError: (message: string) => void;
}) {
  const c = claim;
  return (
    <View className="section" id={`claim-${c.id}`}>
      <Text className="text">{c.familyLabel}</Text>
      <Text className="muted">
        {districtName(c.district)} · 提交于 {formatChinaDateTime(c.createdAt)} ·{' '}
        {factClaimStatusNames[c.status]}
      </Text>
      <Text className="text">{factClaimSummary(c)}</Text>
      {c.note ? <Text className="muted">家庭说明：{c.note}</Text> : null}
      {c.reviewReason ? <Text className="text">审核意见：{c.reviewReason}</Text> : null}
      {c.attachments.map((f) => (
        <SubmitButton
          key={f.id}
          id={`claim-open-${c.id}-${f.id}`}
          label={`查看证明材料${f.fileName}`}
          tone="plain"
          onClick={() =>
            void openFactClaimAttachment(c.id, f.id).catch((e: unknown) =>
              onError(e instanceof Error ? e.message : '附件打开失败，请稍后再试'),
            )
          }
        >
          查看{f.fileName}
        </SubmitButton>
      ))}
      {c.status === 'pending_review' ? (
        <View className="row">
          <SubmitButton
            id={`claim-approve-${c.id}`}
            label={`通过${c.familyLabel}的证明材料`}
            grow
            onClick={() => onDecide('approve')}
          >
            通过并记入档案
          </SubmitButton>
          <SubmitButton
            id={`claim-reject-${c.id}`}
            label={`驳回${c.familyLabel}的证明材料`}
            tone="plain"
            grow
            onClick={() => onDecide('reject')}
          >
            驳回
          </SubmitButton>
        </View>
      ) : null}
    </View>
  );
}
