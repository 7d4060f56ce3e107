import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../components/SubmitButton';

/** Where a nearby search looks from, and 更换 to pick again (托育服务, 服务网点). */
export function OriginSummary({ text, onChange }: { text: string; onChange: () => void }) {
  return (
    <View className="section row" id="origin-summary">
      <Text className="text grow" id="origin-text">
        {text}
      </Text>
      <SubmitButton id="origin-change" label="更换查找位置" tone="plain" small onClick={onChange}>
        更换
      </SubmitButton>
    </View>
  );
}
