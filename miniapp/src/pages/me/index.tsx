import type { IdentityView } from '@hongjia/shared';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { accountApi } from '../../api/account-endpoints';
import { call } from '../../api/client';
import { isApiError } from '../../api/errors';
import { jurisdictionName, roleName, roleWorkbenches } from '../../auth/roles';
import { clearSession, useSession } from '../../auth/session';
import { startSignIn } from '../../auth/sign-in';
import { button, label, pressable } from '../../components/a11y';
import { NavButton } from '../../components/NavButton';
import { PageShell } from '../../components/PageShell';
import { SubmitButton } from '../../components/SubmitButton';
import { routes } from '../../config/routes';
import { setElderlyMode, setSpecialFamilyDefault, useElderlyMode } from '../../elderly/store';
import './index.css';

export default function Me() {
  const session = useSession();
  const elderly = useElderlyMode();
  const [busy, setBusy] = useState(false);
  // null: not bound yet; undefined: not known (signed out, or the answer did not come).
  const [identity, setIdentity] = useState<IdentityView | null>();
  const isFamily = session?.user.roles.includes('family') === true;

  // Membership decides the entries and the elderly default; read on sign-in and on every return.
  function loadIdentity() {
    if (!isFamily) {
      setIdentity(undefined);
      // Someone else signed in on this phone (staff, a provider): the member's default is not theirs.
      // Signed out, it stays: a member whose session lapsed keeps large text on the sign-in screen.
      if (session) setSpecialFamilyDefault(false);
      return;
    }
    call(accountApi.myIdentity, { loading: false }).then(
      (found) => {
        setIdentity(found);
        setSpecialFamilyDefault(found.specialFamilyMember);
      },
      (e: unknown) => {
        if (!(isApiError(e) && e.status === 404)) return;
        setIdentity(null);
        setSpecialFamilyDefault(false);
      },
    );
  }
  const userId = session?.user.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the signed-in user changes.
  useEffect(loadIdentity, [userId]);
  const shown = useRef(false);
  // Re-render on show: the session may have been set by the sign-in page meanwhile.
  useDidShow(() => {
    setBusy(false);
    if (shown.current) loadIdentity();
    shown.current = true;
  });

  /** Ends every session of the account on the server too (decision 0017); signed out here whatever it answers. */
  async function signOut() {
    await call(accountApi.logout).catch(() => undefined);
    clearSession();
  }

  async function signIn() {
    setBusy(true);
    try {
      await startSignIn();
    } catch (error) {
      Taro.showToast({ title: isApiError(error) ? error.message : '登录失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  const user = session?.user;
  const where = user ? jurisdictionName(user) : undefined;
  return (
    <PageShell name="me">
      <View className="section" id="me-account">
        {user ? (
          <>
            <Text className="title">已登录</Text>
            <Text className="text" id="me-roles">
              身份：{user.roles.map(roleName).join('、')}
            </Text>
            {where ? (
              <Text className="text" id="me-district">
                辖区：{where}
              </Text>
            ) : null}
            {roleWorkbenches(user.roles).map((bench) => (
              <NavButton
                key={bench.role}
                id={`me-bench-${bench.role}`}
                label={bench.text}
                where={{ to: bench.url }}
              >
                {bench.text}
              </NavButton>
            ))}
            <SubmitButton id="me-sign-out" label="退出登录" tone="plain" onClick={signOut} />
          </>
        ) : (
          <>
            <Text className="title">未登录</Text>
            <Text className="muted">登录后可办理生育登记、查询证件和预约托育。</Text>
            <SubmitButton id="me-sign-in" label="登录" busy={busy} onClick={signIn} />
          </>
        )}
      </View>

      <View className="section" id="me-services">
        {isFamily ? <FamilyEntries identity={identity} /> : null}
        <View
          className="link"
          onClick={() => Taro.navigateTo({ url: routes.bookings })}
          {...button('我的预约', 'me-bookings')}
        >
          我的预约
        </View>
        <View
          className="link"
          onClick={() => Taro.navigateTo({ url: routes.messages })}
          {...button('消息', 'me-messages')}
        >
          消息
        </View>
      </View>

      <View className="section me-row">
        <View className="me-row__text">
          <Text className="text">长辈模式</Text>
          <Text className="muted">更大的字和按钮</Text>
        </View>
        <Switch
          className="me-switch"
          checked={elderly}
          color="#a61b1b"
          onChange={(e) => setElderlyMode(e.detail.value)}
          {...label('长辈模式', 'me-elderly')}
        />
      </View>

      <View className="section">
        <View
          className="link"
          onClick={() => Taro.navigateTo({ url: routes.privacy })}
          {...button('隐私保护指引', 'me-privacy')}
        >
          隐私保护指引
        </View>
      </View>
    </PageShell>
  );
}

const go = (url: string) => () => Taro.navigateTo({ url });

/**
 * 实名认证 for every family; 特殊家庭帮扶 for a bound special-family member, and 育儿补贴 for
 * everyone else: a bereaved family never sees childcare promotion (SPEC C3).
 */
function FamilyEntries({ identity }: { identity: IdentityView | null | undefined }) {
  const member = identity?.specialFamilyMember === true;
  return (
    <>
      <View className="link me-entry" onClick={go(routes.identity)} {...pressable('me-identity')}>
        实名认证
        {identity ? <Text className="muted me-entry__state">已认证 {identity.nameMasked}</Text> : null}
        {identity === null ? <Text className="muted me-entry__state">未认证</Text> : null}
      </View>
      {member ? (
        <View
          className="link"
          onClick={go(routes.specialAssistance)}
          {...button('特殊家庭帮扶', 'me-special')}
        >
          特殊家庭帮扶
        </View>
      ) : (
        <View className="link" onClick={go(routes.subsidies)} {...button('育儿补贴', 'me-subsidies')}>
          育儿补贴
        </View>
      )}
    </>
  );
}
