import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../../../components/Cell';
import { Skeleton } from '../../../../components/LoadState';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useMembership } from '../../../../special-assistance/use-membership';
import { ContactList } from '../../components/special/ContactList';
import { ProxyConsent } from '../../components/special/ProxyConsent';
import { SharingConsent } from '../../components/special/SharingConsent';
import { Standing } from '../../components/special/Standing';
import '../../special-assistance.css';

/**
 * The family's menu, as cells; 我要求助 is the one big button above it. `url` opens a page;
 * without one the row scrolls to 联系人和医生 further down this page.
 */
const actions: ReadonlyArray<{ key: string; text: string; url?: string }> = [
  { key: 'benefits', text: '我的扶助政策', url: routes.specialBenefits },
  { key: 'requests', text: '我的求助', url: routes.specialRequests },
  { key: 'contacts-go', text: '联系人和医生' },
  { key: 'views', text: '谁查看了我的档案', url: routes.specialViews },
  { key: 'proof', text: '提交证明材料', url: routes.specialProof },
];

function open(url: string | undefined): void {
  if (url) Taro.navigateTo({ url });
  else Taro.pageScrollTo({ selector: '#special-contacts', duration: 300 });
}

/**
 * 特殊家庭帮扶: the family's own page. Help only: no birth or childcare promotion and no links to
 * those services (SPEC C3), one big button to ask for help, every other job a row, and the
 * people to call right here.
 */
export default function SpecialAssistance() {
  const { session, membership, reload, setFamily } = useMembership();

  if (!session) {
    return (
      <PageShell name="special-assistance">
        <SignInPrompt reason="登录后查看您家的扶助政策、联系人和家庭医生，也可以在这里求助。" />
      </PageShell>
    );
  }
  if (!membership) {
    return (
      <PageShell name="special-assistance">
        <Skeleton id="special" rows={3} />
      </PageShell>
    );
  }
  if (membership.kind !== 'member') {
    return (
      <PageShell name="special-assistance">
        <Standing membership={membership} onRetry={() => void reload()} />
      </PageShell>
    );
  }

  return (
    <PageShell name="special-assistance">
      <View className="section" id="special-greeting">
        <Text className="title">您好</Text>
        <Text className="text">
          这里可以查看您家的扶助政策，有困难时请告诉我们，联系人会上门或打电话帮您。
        </Text>
      </View>
      <View className="section sa-actions">
        <SubmitButton id="special-help" label="我要求助" onClick={() => open(routes.specialHelp)} />
      </View>
      <CellGroup title="我家的帮扶">
        {actions.map((a) => (
          <Cell key={a.key} id={`special-${a.key}`} title={a.text} onClick={() => open(a.url)} />
        ))}
      </CellGroup>
      <ContactList family={membership.family} />
      <ProxyConsent family={membership.family} onChange={setFamily} />
      {session ? <SharingConsent userId={session.user.id} /> : null}
    </PageShell>
  );
}
