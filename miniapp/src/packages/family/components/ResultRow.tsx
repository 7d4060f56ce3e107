import { districtByCode, type NearbyItem } from '@hongjia/shared';
import { modelLevelNames } from '@hongjia/shared/childcare/programmes';
import { Text, View } from '@tarojs/components';
import { button } from '../../../components/a11y';
import { formatDistance, formatMonthlyFee } from '../../../lib/format';

/** One search result, fixed height (the windowed list relies on it). */
export function ResultRow({
  item,
  index,
  date,
  onOpen,
}: {
  item: NearbyItem;
  index: number;
  date?: string;
  onOpen: (item: NearbyItem) => void;
}) {
  const { institution } = item;
  const free = date && item.freePlaces !== undefined ? `当天余 ${item.freePlaces} 位` : '';
  const spoken = [
    institution.name,
    institution.affordable ? '普惠' : '',
    institution.model ? modelLevelNames[institution.model.level] : '',
    `距离${formatDistance(item.distanceM)}`,
    formatMonthlyFee(institution.monthlyFeeYuan),
    free,
  ]
    .filter(Boolean)
    .join('，');
  return (
    <View className="cc-result" onClick={() => onOpen(item)} {...button(spoken, `result-${index}`)}>
      <Text className="cc-result__name">{institution.name}</Text>
      <View className="cc-result__line">
        {institution.affordable ? <Text className="badge badge--affordable">普惠</Text> : null}
        {institution.model ? (
          <Text className="badge badge--affordable">{modelLevelNames[institution.model.level]}</Text>
        ) : null}
        <Text className="cc-result__meta">
          {formatDistance(item.distanceM)} · {districtByCode(institution.district).name}
        </Text>
      </View>
      <View className="cc-result__line">
        <Text className="cc-result__fee">{formatMonthlyFee(institution.monthlyFeeYuan)}</Text>
        {free ? <Text className="cc-result__free">{free}</Text> : null}
      </View>
    </View>
  );
}
