import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { signInWithCode } from '../../auth/sign-in';
import { button, label } from '../../components/a11y';
import { PageShell } from '../../components/PageShell';
import { isLocalBuild } from '../../config/env';
import { routes } from '../../config/routes';
import { ensurePrivacyAgreed } from '../../privacy/store';
import { defaultOpenid, isValidOpenid, seededAccounts } from './accounts';
import './index.css';

/**
 * Dev sign-in (local builds only): posts `dev:<openid>`, which only the local WeChat adapter
 * accepts. app.config.ts leaves this page out of other builds; the guard below is a second lock.
 */
export default function DevLogin() {
  const [openid, setOpenid] = useState(defaultOpenid);
  const [error, setError] = useState('');
  if (!isLocalBuild) return null;

  async function signInAs(id: string) {
    setError('');
    if (!isValidOpenid(id)) {
      setError('openid 只能包含字母、数字、下划线和短横线（1–64 位）');
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    try {
      await signInWithCode(`dev:${id}`);
      // Back to where sign-in was asked for (我的, usually). Popping the page rather than
      // switching tabs keeps h5's page stack clean when someone signs in a second time.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
      else await Taro.switchTab({ url: routes.me });
    } catch (e) {
      setError(isApiError(e) ? e.message : '登录失败，请确认本地服务已启动');
    }
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
        <Button
          className="btn btn--primary"
          onClick={() => signInAs(openid)}
          {...button('登录', 'login-submit')}
        >
          登录
        </Button>
      </View>
      <View className="section">
        <Text className="title">演示账号</Text>
        {seededAccounts.map((account) => (
          <Button
            key={account.openid}
            className="btn btn--plain"
            onClick={() => signInAs(account.openid)}
            {...button(`以${account.text}登录（${account.openid}）`, `login-as-${account.openid}`)}
          >
            {account.text}（{account.openid}）
          </Button>
        ))}
      </View>
    </PageShell>
  );
}
