import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function BenefitsPage() {
  return (
    <ComingSoon name="benefits" title="我的扶助政策">
      <Text className="text">我的扶助政策</Text>
    </ComingSoon>
  );
}
