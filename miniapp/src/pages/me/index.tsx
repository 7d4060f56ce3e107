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
import { label } from '../../components/a11y';
import { Cell, CellGroup } from '../../components/Cell';
import { confirm } from '../../components/feedback';
import { PageShell } from '../../components/PageShell';
import { SubmitButton } from '../../components/SubmitButton';
import { entryRoutes as routes } from '../../config/entry-routes';
import { setElderlyMode, setSpecialFamilyDefault, useElderlyMode } from '../../elderly/store';
import './index.css';

export default function Me() {
  const session = useSession();
  const elderly = useElderlyMode();
  const [busy, setBusy] = useState(false);
  // Why the last sign-in failed, on the page: a toast is gone in two seconds, and on weapp it
  // cannot grow in elderly mode (decision 0045).
  const [signInError, setSignInError] = useState<string>();
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
    const sure = await confirm({
      title: '退出登录？',
      content: '退出后，本机不再显示您的办理记录。',
      confirmText: '退出',
      danger: true,
    });
    if (!sure) return;
    await call(accountApi.logout).catch(() => undefined);
    clearSession();
  }

  async function signIn() {
    setBusy(true);
    setSignInError(undefined);
    try {
      await startSignIn();
    } catch (error) {
      setSignInError(isApiError(error) ? error.message : '登录失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  const user = session?.user;
  const where = user ? jurisdictionName(user) : undefined;
  const benches = user ? roleWorkbenches(user.roles) : [];
  return (
    <PageShell name="me">
      <View className="section me-account" id="me-account">
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
          </>
        ) : (
          <>
            <Text className="title">未登录</Text>
            <Text className="muted">登录后可办理生育登记、查询证件和预约托育。</Text>
            {signInError ? (
              <View className="text me-error" id="me-sign-in-error" role="alert">
                {signInError}
              </View>
            ) : null}
            <SubmitButton id="me-sign-in" label="登录" busy={busy} onClick={signIn} />
          </>
        )}
      </View>

      {benches.length > 0 ? (
        <CellGroup title="工作台" id="me-benches">
          {benches.map((bench) => (
            <Cell key={bench.role} id={`me-bench-${bench.role}`} title={bench.text} onClick={go(bench.url)} />
          ))}
        </CellGroup>
      ) : null}

      <CellGroup title="我的服务" id="me-services">
        {isFamily ? <FamilyEntries identity={identity} /> : null}
        <Cell id="me-bookings" title="我的预约" onClick={go(routes.bookings)} />
        <Cell id="me-messages" title="消息" onClick={go(routes.messages)} />
      </CellGroup>

      <CellGroup title="设置">
        <Cell
          title="长辈模式"
          description="更大的字和按钮"
          extra={
            <Switch
              className="me-switch"
              checked={elderly}
              color="#a61b1b"
              onChange={(e) => setElderlyMode(e.detail.value)}
              {...label('长辈模式', 'me-elderly')}
            />
          }
        />
        <Cell id="me-privacy" title="隐私保护指引" onClick={go(routes.privacy)} />
      </CellGroup>

      {user ? <SubmitButton id="me-sign-out" label="退出登录" tone="plain" onClick={signOut} /> : null}
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
  const state = identity ? `已认证 ${identity.nameMasked}` : identity === null ? '未认证' : undefined;
  return (
    <>
      <Cell id="me-identity" title="实名认证" value={state} onClick={go(routes.identity)} />
      {member ? (
        <Cell id="me-special" title="特殊家庭帮扶" onClick={go(routes.specialAssistance)} />
      ) : (
        <>
          <Cell id="me-subsidies" title="育儿补贴" onClick={go(routes.subsidies)} />
          <Cell id="me-family-policies" title="生育支持政策" onClick={go(routes.familyPolicies)} />
        </>
      )}
    </>
  );
}
