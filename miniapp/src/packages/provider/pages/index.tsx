import { Text } from '@tarojs/components';
import { jurisdictionName } from '../../../auth/roles';
import { useSession } from '../../../auth/session';
import { ComingSoon } from '../../../components/ComingSoon';

export default function ProviderHome() {
  const user = useSession()?.user;
  const where = user ? jurisdictionName(user) : undefined;
  return (
    <ComingSoon name="provider" title="托育机构工作台">
      <Text className="text" id="provider-district">
        所在县区：{where ?? '备案后显示'}
      </Text>
      <Text className="text">
        为托育机构办理登记备案（班级、保育人员、收费），发布可预约名额，查看家长的预约。
      </Text>
    </ComingSoon>
  );
}
