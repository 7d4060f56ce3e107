import { Text, View } from '@tarojs/components';
import { Banner } from '../../../../components/Field';
import { NavButton } from '../../../../components/NavButton';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import type { Membership } from '../../../../special-assistance/membership';

/**
 * What the 特殊家庭帮扶 pages say instead of their content when the user is not (yet) known as a
 * member: 实名认证 first, or who keeps the records and how to ask, or that loading failed.
 */
export function Standing({
  membership,
  onRetry,
}: {
  membership: Exclude<Membership, { kind: 'member' }>;
  onRetry: () => void;
}) {
  if (membership.kind === 'error') {
    return (
      <View className="section" id="special-standing-error">
        <Banner id="special-error" text={membership.message} />
        <SubmitButton id="special-retry" label="重新加载" tone="plain" onClick={onRetry} />
      </View>
    );
  }
  if (membership.kind === 'unbound') {
    return (
      <View className="section" id="special-unbound">
        <Text className="title">请先实名认证</Text>
        <Text className="text">
          特殊家庭的档案由卫健部门保管。实名认证后，我们才能找到您家的档案，为您显示扶助政策、联系人和家庭医生。
        </Text>
        <NavButton id="special-identity" label="去实名认证" tone="primary" where={{ to: routes.identity }} />
      </View>
    );
  }
  return (
    <View className="section" id="special-not-member">
      <Text className="title">还没有查到您家的档案</Text>
      <Text className="text">
        您已实名认证（{membership.identity.nameMasked}），但还没有查到对应的计划生育特殊家庭档案。
      </Text>
      <Text className="text">
        这类档案由户籍所在县区的卫生健康委员会建立和保管。如果您家属于这类家庭，请联系所在社区（村）的计生专干，或直接联系县区卫生健康委员会核实登记；登记后这里会自动显示。
      </Text>
    </View>
  );
}
