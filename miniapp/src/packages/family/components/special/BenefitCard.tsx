import { Text, View } from '@tarojs/components';
import type { BenefitCardModel } from '../../../../special-assistance/benefit-card';

/** One policy: 符合 or 暂不符合 with every reason, the amount, 已纳入 or not, and payments. */
export function BenefitCard({ card }: { card: BenefitCardModel }) {
  const id = `benefit-${card.policyId}`;
  return (
    <View className="sa-card" id={id} role="listitem" aria-label={`${card.name}：${card.verdict}`}>
      <View className="sa-card__head">
        <Text className="text sa-card__name">{card.name}</Text>
        <Text className={`sa-tag sa-tag--${card.eligible ? 'yes' : 'no'}`} id={`${id}-verdict`}>
          {card.verdict}
        </Text>
      </View>
      <View id={`${id}-reasons`}>
        {card.reasons.map((reason) => (
          <Text key={reason} className="text sa-reason">
            {reason}
          </Text>
        ))}
      </View>
      <Text className="text sa-line" id={`${id}-amount`}>
        金额：{card.amount}
      </Text>
      {card.amountNote ? <Text className="muted">{card.amountNote}</Text> : null}
      <Text className="text sa-line" id={`${id}-enrolment`}>
        {card.enrolment}
      </Text>
      {card.payments.length > 0 ? (
        <View className="sa-line" id={`${id}-payments`}>
          <Text className="muted">已发放</Text>
          {card.payments.map((p) => (
            <Text key={p.key} className="text">
              {p.period} {p.amount}（{p.paidAt}）
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
