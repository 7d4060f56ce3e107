import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { signInWithCode } from '../../auth/sign-in';
import { label } from '../../components/a11y';
import { PageShell } from '../../components/PageShell';
import { SubmitButton } from '../../components/SubmitButton';
import { entryRoutes as routes } from '../../config/entry-routes';
import { isLocalBuild } from '../../config/env';
import { useSubmit } from '../../forms/use-submit';
import { ensurePrivacyAgreed } from '../../privacy/store';
import { defaultOpenid, isValidOpenid, seededAccounts } from './accounts';
import './index.css';

/**
 * Dev sign-in (local builds only): posts `dev:<openid>`, which only the local WeChat adapter
 * accepts. app.config.ts leaves this page out of other builds; the guard below is a second lock.
 */
export default function DevLogin() {
  const [openid, setOpenid] = useState(defaultOpenid);
  const form = useSubmit({ fallback: '登录失败，请确认本地服务已启动' });
  const error = form.banner;
  if (!isLocalBuild) return null;

  async function signInAs(id: string) {
    form.setBanner(undefined);
    if (!isValidOpenid(id)) {
      form.setBanner('openid 只能包含字母、数字、下划线和短横线（1–64 位）');
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    await form.run(async () => {
      await signInWithCode(`dev:${id}`);
      // Back to where sign-in was asked for (我的, usually). Popping the page rather than
      // switching tabs keeps h5's page stack clean when someone signs in a second time.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
      else await Taro.switchTab({ url: routes.me });
    });
  }

  return (
    <PageShell name="login">
      <View className="section">
        <Text className="title">开发登录</Text>
        <Text className="muted">仅本地构建可见：以任意 openid 登录，新 openid 成为家庭用户。</Text>
        <Input
          className="login-input"
          value={openid}
          maxlength={64}
          onInput={(e) => setOpenid(e.detail.value.trim())}
          {...label('openid', 'login-openid')}
        />
        {error ? (
          <Text className="login-error" aria-live="assertive" id="login-error">
            {error}
          </Text>
        ) : null}
        <SubmitButton id="login-submit" label="登录" busy={form.busy} onClick={() => signInAs(openid)} />
      </View>
      <View className="section">
        <Text className="title">演示账号</Text>
        {seededAccounts.map((account) => (
          <SubmitButton
            key={account.openid}
            id={`login-as-${account.openid}`}
            label={`以${account.text}登录（${account.openid}）`}
            tone="plain"
            onClick={() => signInAs(account.openid)}
          >
            {account.text}（{account.openid}）
          </SubmitButton>
        ))}
      </View>
    </PageShell>
  );
}
