import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function SubsidiesPage() {
  return (
    <ComingSoon name="subsidies" title="育儿补贴审核">
      <Text className="text">育儿补贴审核</Text>
    </ComingSoon>
  );
}
