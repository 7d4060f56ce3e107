import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../components/ComingSoon';

/** Placeholder while issue 5's page is being built. */
export default function SpecialFamilyFormPage() {
  return (
    <ComingSoon name="special-family-form" title="建立档案">
      <Text className="text">建立档案</Text>
    </ComingSoon>
  );
}
