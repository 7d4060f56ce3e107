import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function RequestsPage() {
  return (
    <ComingSoon name="requests" title="我的求助">
      <Text className="text">我的求助</Text>
    </ComingSoon>
  );
}
