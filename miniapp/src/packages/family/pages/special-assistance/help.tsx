import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function HelpPage() {
  return (
    <ComingSoon name="help" title="我要求助">
      <Text className="text">我要求助</Text>
    </ComingSoon>
  );
}
