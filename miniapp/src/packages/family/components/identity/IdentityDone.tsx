import type { IdentityView } from '@hongjia/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { button } from '../../../../components/a11y';
import { routes } from '../../../../config/routes';
import { useElderlyMode } from '../../../../elderly/store';
import { formatDateTime } from '../../../../lib/format';

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
        {verifiedByNames[identity.verifiedBy]} · {formatDateTime(identity.boundAt)}
      </Text>
      {identity.specialFamilyMember ? (
        <>
          <Text className="text sa-line" id="identity-special">
            已找到您家的档案，可以查看扶助政策、联系人和家庭医生。
            {elderly ? '已为您换成大字模式，如不需要可在“我的”里关闭。' : ''}
          </Text>
          <Button
            className="btn btn--primary"
            onClick={() => Taro.redirectTo({ url: routes.specialAssistance })}
            {...button('前往特殊家庭帮扶', 'identity-go-special')}
          >
            前往特殊家庭帮扶
          </Button>
        </>
      ) : canGoBack ? (
        <Button
          className="btn btn--plain"
          onClick={() => Taro.navigateBack()}
          {...button('返回继续办理', 'identity-back')}
        >
          返回继续办理
        </Button>
      ) : null}
    </View>
  );
}
