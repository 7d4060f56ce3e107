import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function CoveragePage() {
  return (
    <ComingSoon name="coverage" title="三个全覆盖">
      <Text className="text">三个全覆盖</Text>
    </ComingSoon>
  );
}
