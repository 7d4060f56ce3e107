import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function SubsidiesPage() {
  return (
    <ComingSoon name="index" title="育儿补贴">
      <Text className="text">育儿补贴</Text>
    </ComingSoon>
  );
}
