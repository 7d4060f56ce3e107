import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { initSession } from './auth/session';
import { initElderlyMode } from './elderly/store';
import { initPrivacy } from './privacy/store';
import { listenForWechatPrivacyRequests } from './privacy/wechat';
import './app.css';

// Read stored state before the first page renders, so it never flashes the wrong mode.
initPrivacy();
initSession();
initElderlyMode();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForWechatPrivacyRequests();
  });
  // children are the pages.
  return children;
}

export default App;
