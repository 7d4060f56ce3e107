import type { ReviewReason } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { NavButton } from '../../../../components/NavButton';
import { routes } from '../../../../config/routes';
import { explainReason } from '../../../../registration/labels';

export interface Outcome {
  id: string;
  receiptNo: string;
  status: 'approved' | 'pending_review';
  reasons?: ReviewReason[];
  certificateId?: string;
}

/** The answer to a submission: 已通过 (秒办) with the certificate, or 待审核 with the reasons. */
export function RegistrationOutcome({ outcome }: { outcome: Outcome }) {
  const approved = outcome.status === 'approved';
  return (
    <View className="section" id="reg-outcome" role="status">
      <Text className="cc-result-panel__title" id="reg-outcome-title">
        {approved ? '已通过（秒办）' : '已提交，待审核'}
      </Text>
      <Text className="text" id="reg-outcome-receipt">
        受理编号：{outcome.receiptNo}
      </Text>
      {approved ? (
        <Text className="text">电子证明已生成，可出示核验，也可领取打印码到附近自助打印。</Text>
      ) : (
        <View id="reg-outcome-reasons">
          <Text className="text">系统不能当场办结，已转县区工作人员审核，原因：</Text>
          {(outcome.reasons ?? []).map((r, i) => (
            <Text key={`${r.code}:${r.message}`} className="text" id={`reg-outcome-reason-${i}`}>
              · {explainReason(r)}
            </Text>
          ))}
          <Text className="muted">审核结果会通知您；需要补正时按工作人员的意见修改后重新提交即可。</Text>
        </View>
      )}
      {approved && outcome.certificateId ? (
        <NavButton
          id="reg-outcome-certificate"
          label="查看证件"
          tone="primary"
          where={{ replace: `${routes.certificate}?id=${encodeURIComponent(outcome.certificateId ?? '')}` }}
        />
      ) : null}
      <NavButton
        id="reg-outcome-status"
        label="查看办理进度"
        tone={approved ? 'plain' : 'primary'}
        where={{ replace: `${routes.registrationStatus}?id=${encodeURIComponent(outcome.id)}` }}
      />
    </View>
  );
}
