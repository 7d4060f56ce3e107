import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function ViewsPage() {
  return (
    <ComingSoon name="views" title="档案查看记录">
      <Text className="text">档案查看记录</Text>
    </ComingSoon>
  );
}
