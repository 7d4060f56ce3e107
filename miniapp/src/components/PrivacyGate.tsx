import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { entryRoutes as routes } from '../config/entry-routes';
import { agreeToPrivacy } from '../privacy/consent';
import { privacySummary } from '../privacy/policy';
import { answerPrivacy, usePrivacyGate } from '../privacy/store';
import { agreeButtonId } from '../privacy/wechat';
import { button, label } from './a11y';
import { SubmitButton } from './SubmitButton';
import './privacy-gate.css';

/**
 * The 隐私保护指引 panel. On weapp the agree button has openType agreePrivacyAuthorization, so
 * the same tap also records the agreement with WeChat (required before private APIs such as
 * getFuzzyLocation; see privacy/wechat.ts). Signed in, the tap records it with our server too
 * (privacy/consent.ts, no version: the server's is the one agreed to); it opens again whenever
 * the server answers CONSENT_REQUIRED (api/client.ts).
 */
export function PrivacyGate() {
  const { open } = usePrivacyGate();
  if (!open) return null;
  return (
    <View className="privacy-gate" role="dialog" {...label('隐私保护指引', 'privacy-gate')}>
      <View className="privacy-gate__panel">
        <Text className="privacy-gate__title">隐私保护指引</Text>
        <Text className="privacy-gate__text">{privacySummary}</Text>
        <View
          className="link privacy-gate__link"
          onClick={() => Taro.navigateTo({ url: routes.privacy })}
          {...button('阅读《洪家隐私保护指引》', 'privacy-read')}
        >
          阅读《洪家隐私保护指引》
        </View>
        <Button
          className="btn btn--primary"
          openType="agreePrivacyAuthorization"
          // The tap is the agreement on every platform (old WeChat versions lack the open-type event).
          onClick={() => agreeToPrivacy()}
          {...button('同意并继续', agreeButtonId)}
        >
          同意并继续
        </Button>
        <SubmitButton
          id="privacy-disagree"
          label="不同意"
          tone="plain"
          onClick={() => answerPrivacy(false)}
        />
      </View>
    </View>
  );
}
