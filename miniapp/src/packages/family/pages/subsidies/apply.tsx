import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function ApplyPage() {
  return (
    <ComingSoon name="apply" title="申领育儿补贴">
      <Text className="text">申领育儿补贴</Text>
    </ComingSoon>
  );
}
