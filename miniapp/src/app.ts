import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { initSession } from './auth/session';
import { mendTaroH5Accessibility } from './components/h5-a11y';
import { initElderlyMode } from './elderly/store';
import { initPrivacy } from './privacy/store';
import { listenForWechatPrivacyRequests } from './privacy/wechat';
import './app.css';
// Taro's h5 toast and modal live outside every page: their elderly sizes load with the app, not
// with the first page that happens to import feedback.ts (h5 only; nothing on weapp).
import './components/feedback.css';

// Read stored state before the first page renders, so it never flashes the wrong mode.
initPrivacy();
initSession();
initElderlyMode();
if (process.env.TARO_ENV === 'h5') mendTaroH5Accessibility();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    listenForWechatPrivacyRequests();
  });
  // children are the pages.
  return children;
}

export default App;
