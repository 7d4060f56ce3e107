import type { IdentityView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NavButton } from '../../../../components/NavButton';
import { routes } from '../../../../config/routes';
import { useElderlyMode } from '../../../../elderly/store';

const verifiedByNames: Record<IdentityView['verifiedBy'], string> = {
  wechat_face: '微信人脸核验',
  local: '测试环境（未做人脸核验）',
};

/** The bound identity, masked; a special-family member is offered their page next. */
export function IdentityDone({ identity }: { identity: IdentityView }) {
  const elderly = useElderlyMode();
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <View className="section" id="identity-done">
      <Text className="title">已完成实名认证</Text>
      <Text className="text" id="identity-masked">
        {identity.nameMasked} · {identity.idNumberMasked}
      </Text>
      <Text className="muted">
        {verifiedByNames[identity.verifiedBy]} · {formatChinaDateTime(identity.boundAt)}
      </Text>
      {identity.specialFamilyMember ? (
        <>
          <Text className="text sa-line" id="identity-special">
            已找到您家的档案，可以查看扶助政策、联系人和家庭医生。
            {elderly ? '已为您换成大字模式，如不需要可在“我的”里关闭。' : ''}
          </Text>
          <NavButton
            id="identity-go-special"
            label="前往特殊家庭帮扶"
            tone="primary"
            where={{ replace: routes.specialAssistance }}
          />
        </>
      ) : canGoBack ? (
        <NavButton id="identity-back" label="返回继续办理" where={{ back: true }} />
      ) : null}
    </View>
  );
}
