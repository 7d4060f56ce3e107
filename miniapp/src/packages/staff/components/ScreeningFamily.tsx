import { Text, View } from '@tarojs/components';
import { districtName } from '../model/labels';
import { amountText, type FamilyGroup, familyState, itemKey, type Selection } from '../model/screening';
import { Tick } from './Tick';

/** One family of a screening: its policies with the engine's reasons, each to tick for 批量纳入. */
export function ScreeningFamily({
  group,
  selected,
  onToggleFamily,
  onToggleItem,
}: {
  group: FamilyGroup;
  selected: Selection;
  onToggleFamily: () => void;
  onToggleItem: (key: string) => void;
}) {
  return (
    <View className="section" id={`screening-family-${group.familyId}`}>
      <View className="sc-head">
        <Tick
          state={familyState(selected, group)}
          text={`选择${group.familyLabel}的全部 ${group.items.length} 项`}
          id={`screening-family-${group.familyId}-tick`}
          onToggle={onToggleFamily}
        />
        <View className="sc-body">
          <Text className="text">{group.familyLabel}</Text>
          <Text className="muted">{districtName(group.district)}</Text>
        </View>
      </View>
      {group.items.map((item) => {
        const key = itemKey(item);
        return (
          <View key={key} className="sc-item">
            <Tick
              state={selected.has(key) ? 'all' : 'none'}
              text={`纳入${item.policyName}`}
              id={`screening-item-${group.familyId}-${item.policyId}`}
              onToggle={() => onToggleItem(key)}
            />
            <View className="sc-body">
              <Text className="text">
                {item.policyName} · {amountText(item)}
              </Text>
              {item.reasons.map((r) => (
                <Text key={r} className="muted">
                  · {r}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
