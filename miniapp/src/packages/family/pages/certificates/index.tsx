import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

export default function Certificates() {
  return (
    <ComingSoon name="certificates" title="证件查询">
      <Text className="text">查看您的电子证明，出示给办事窗口核验。</Text>
      <Text className="text">需要纸质件时，领取打印码，到附近的自助打印机打印。</Text>
    </ComingSoon>
  );
}
