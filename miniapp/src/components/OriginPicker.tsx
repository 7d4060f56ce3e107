import { type DistrictCode, districts } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { button } from './a11y';
import { SubmitButton } from './SubmitButton';
import './ui.css';

/**
 * Where to search from (托育服务, 服务网点). The district list is the default and the fallback;
 * the location button only opens the explanation (the caller asks the system after the user
 * agrees to it).
 */
export function OriginPicker({
  title,
  reason,
  selected,
  onDistrict,
  onUseLocation,
}: {
  title: string;
  reason: string;
  selected?: DistrictCode;
  onDistrict: (code: DistrictCode) => void;
  onUseLocation: () => void;
}) {
  return (
    <View className="section" id="origin-picker">
      <Text className="title">{title}</Text>
      <SubmitButton id="use-location" label="使用我的位置" tone="plain" onClick={onUseLocation} />
      <Text className="muted">{reason}</Text>
      <Text className="text op-or">或选择县区：</Text>
      <View className="op-districts">
        {districts.map((d) => (
          <View
            key={d.code}
            className={`chip op-district${selected === d.code ? ' chip--on' : ''}`}
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
