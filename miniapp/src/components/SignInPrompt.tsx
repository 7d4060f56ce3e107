import { Text, View } from '@tarojs/components';
import { goToSignIn } from '../auth/navigate';
import { SubmitButton } from './SubmitButton';

/** Shown in place of a signed-in page's content: what signing in gives, and the way there. */
export function SignInPrompt({ reason }: { reason: string }) {
  return (
    <View className="section" id="sign-in-prompt">
      <Text className="title">请先登录</Text>
      <Text className="muted">{reason}</Text>
      <SubmitButton id="sign-in-go" label="去登录" onClick={goToSignIn} />
    </View>
  );
}
