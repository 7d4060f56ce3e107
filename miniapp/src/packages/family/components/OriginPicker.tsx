import { type DistrictCode, districts } from '@hongjia/shared';
import { Button, Text, View } from '@tarojs/components';
import { button } from '../../../components/a11y';
import { locationReason } from '../../../location/locate';

/**
 * Where to search from. The district list is the default and the fallback; the location button
 * only opens the explanation (the caller asks the system after the user agrees to it).
 */
export function OriginPicker({
  selected,
  onDistrict,
  onUseLocation,
}: {
  selected?: DistrictCode;
  onDistrict: (code: DistrictCode) => void;
  onUseLocation: () => void;
}) {
  return (
    <View className="section" id="origin-picker">
      <Text className="title">在哪里找托育机构？</Text>
      <Button className="btn btn--plain" onClick={onUseLocation} {...button('使用我的位置', 'use-location')}>
        使用我的位置
      </Button>
      <Text className="muted">{locationReason}</Text>
      <Text className="text cc-or">或选择县区：</Text>
      <View className="cc-districts">
        {districts.map((d) => (
          <View
            key={d.code}
            className={`chip cc-district${selected === d.code ? ' chip--on' : ''}`}
            onClick={() => onDistrict(d.code)}
            {...button(`按${d.name}查找`, `district-${d.code}`)}
          >
            {d.name}
          </View>
        ))}
      </View>
    </View>
  );
}
