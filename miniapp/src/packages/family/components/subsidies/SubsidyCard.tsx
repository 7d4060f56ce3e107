import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../../components/SubmitButton';
import type { SubsidyCardModel } from '../../../../subsidies/labels';
import { YearTable } from './YearTable';

/** One application: status, months and amount by year, review date, yearly confirmation, payments. */
export function SubsidyCard({ card, onRenew }: { card: SubsidyCardModel; onRenew: () => void }) {
  const id = `subsidy-${card.id}`;
  return (
    <View className="sb-card" id={id} role="listitem" aria-label={`${card.child}：${card.statusText}`}>
      <View className="sb-card__head">
        <Text className="text">{card.child}</Text>
        <Text className={`text sb-status sb-status--${card.status}`} id={`${id}-status`}>
          {card.statusText}
        </Text>
      </View>
      <Text className="text">补贴月数：{card.months}</Text>
      <Text className="text" id={`${id}-amount`}>
        合计：{card.amount}
      </Text>
      <YearTable id={`${id}-years`} rows={card.byYear} />
      {card.review ? (
        <Text className="muted" id={`${id}-review`}>
          {card.review}
        </Text>
      ) : null}
      {card.payments.length > 0 ? (
        <View id={`${id}-payments`}>
          <Text className="muted">发放记录</Text>
          {card.payments.map((p) => (
            <Text key={p.key} className="text">
              {p.text}
            </Text>
          ))}
        </View>
      ) : null}
      {card.renewal ? (
        <>
          <Text className="text" id={`${id}-renewal`}>
            {card.renewal.text}
          </Text>
          {card.renewal.open ? <SubmitButton id={`${id}-renew`} label="年度确认" onClick={onRenew} /> : null}
        </>
      ) : null}
    </View>
  );
}
