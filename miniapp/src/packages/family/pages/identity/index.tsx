import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function IdentityPage() {
  return (
    <ComingSoon name="index" title="实名认证">
      <Text className="text">实名认证</Text>
    </ComingSoon>
  );
}
