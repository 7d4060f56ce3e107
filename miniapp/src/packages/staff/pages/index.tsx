import { Text } from '@tarojs/components';
import { jurisdictionName } from '../../../auth/roles';
import { useSession } from '../../../auth/session';
import { ComingSoon } from '../../../components/ComingSoon';

export default function StaffHome() {
  const user = useSession()?.user;
  const where = user ? jurisdictionName(user) : undefined;
  return (
    <ComingSoon name="staff" title="工作人员工作台">
      <Text className="text" id="staff-district">
        辖区：{where ?? '未设置'}
      </Text>
      <Text className="text">
        审核生育登记和托育备案，维护特殊家庭档案，导入并核对监测数据，查看指标和形势分析报告。
      </Text>
    </ComingSoon>
  );
}
