import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function SpecialFamiliesPage() {
  return (
    <ComingSoon name="special-families" title="特殊家庭档案">
      <Text className="text">特殊家庭档案</Text>
    </ComingSoon>
  );
}
