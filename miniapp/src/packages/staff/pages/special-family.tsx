import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function SpecialFamilyPage() {
  return (
    <ComingSoon name="special-family" title="档案详情">
      <Text className="text">档案详情</Text>
    </ComingSoon>
  );
}
