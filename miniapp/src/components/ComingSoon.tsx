import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { PageShell } from './PageShell';
import './coming-soon.css';

/** An honest placeholder for a service that is not open yet: what it will do, and when to expect it. */
export function ComingSoon({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <PageShell name={name}>
      <View className="section">
        <Text className="title">{title}</Text>
        <View className="coming-soon__body">{children}</View>
        <View className="coming-soon__badge" id="coming-soon">
          即将开放
        </View>
      </View>
    </PageShell>
  );
}
