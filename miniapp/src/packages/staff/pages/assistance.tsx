import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function AssistancePage() {
  return (
    <ComingSoon name="assistance" title="求助工单">
      <Text className="text">求助工单</Text>
    </ComingSoon>
  );
}
