import { Button, Text, View } from '@tarojs/components';
import { goToSignIn } from '../auth/navigate';
import { button } from './a11y';

/** Shown in place of a signed-in page's content: what signing in gives, and the way there. */
export function SignInPrompt({ reason }: { reason: string }) {
  return (
    <View className="section" id="sign-in-prompt">
      <Text className="title">请先登录</Text>
      <Text className="muted">{reason}</Text>
      <Button className="btn btn--primary" onClick={goToSignIn} {...button('去登录', 'sign-in-go')}>
        去登录
      </Button>
    </View>
  );
}
