import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function ScreeningPage() {
  return (
    <ComingSoon name="screening" title="免申即享筛查">
      <Text className="text">免申即享筛查</Text>
    </ComingSoon>
  );
}
