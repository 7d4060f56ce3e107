import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

export default function Registration() {
  return (
    <ComingSoon name="registration" title="生育登记">
      <Text className="text">
        在线填写夫妻双方信息和已有子女情况，提交生育登记；符合条件的即时办结，其余由县区工作人员审核。
      </Text>
      <Text className="text">可随时查看办理进度，办结后生成电子凭证，全程无需到窗口。</Text>
    </ComingSoon>
  );
}
