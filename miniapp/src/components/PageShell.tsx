import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { tabShown } from '../custom-tab-bar/tabs';
import { useElderlyMode } from '../elderly/store';
import { PrivacyGate } from './PrivacyGate';
import './page-shell.css';

/**
 * Root of every page: applies elderly mode as one `elderly` class (all large sizes hang off it)
 * and hosts the privacy gate, so no page can show personal data before the user agreed.
 * Only the full privacy page goes without the gate: the user must be able to read it first.
 */
export function PageShell({
  name,
  gate = true,
  children,
}: {
  name: string;
  gate?: boolean;
  children: ReactNode;
}) {
  const elderly = useElderlyMode();
  // weapp's custom tab bar marks the tab page that shows (each tab page has its own bar).
  useDidShow(() => tabShown(name));
  return (
    <View className={`page page-${name}${elderly ? ' elderly' : ''}`} id={`page-${name}`}>
      {children}
      {gate ? <PrivacyGate /> : null}
    </View>
  );
}
