import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { jurisdictionName } from '../../../auth/roles';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { routes } from '../../../config/routes';
import '../staff.css';

/** 工作人员工作台: the staff's tasks of their jurisdiction. More arrive with the other capabilities. */
export default function StaffHome() {
  const user = useSession()?.user;
  if (!user) {
    return (
      <PageShell name="staff">
        <SignInPrompt reason="卫健工作人员登录后审核生育登记和备案、查看统计。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff">
      <View className="staff">
        <View className="section">
          <Text className="title">工作人员工作台</Text>
          <Text className="text" id="staff-district">
            辖区：{jurisdictionName(user) ?? '未设置'}
          </Text>
        </View>
        <View className="section">
          <Text className="title">生育登记</Text>
          <Button
            className="btn btn--plain"
            onClick={() => Taro.navigateTo({ url: routes.staffRegistrations })}
            {...button('生育登记审核队列', 'staff-registrations')}
          >
            生育登记审核
          </Button>
        </View>
        <View className="section">
          <Text className="title">托育</Text>
          <Button
            className="btn btn--plain"
            onClick={() => Taro.navigateTo({ url: routes.staffFilings })}
            {...button('托育机构备案审核', 'staff-filings')}
          >
            备案审核
          </Button>
          <Button
            className="btn btn--plain"
            onClick={() => Taro.navigateTo({ url: routes.staffStats })}
            {...button('托育统计：普惠率和新开机构', 'staff-stats')}
          >
            托育统计
          </Button>
        </View>
        <View className="section">
          <Text className="muted">特殊家庭档案、监测数据导入和形势分析报告将陆续开放。</Text>
        </View>
      </View>
    </PageShell>
  );
}
