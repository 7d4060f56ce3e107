import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A name and its value on one line (档案详情, 工单). */
export function Fact({
  name,
  value,
  id,
  children,
}: {
  name: string;
  value?: string;
  id?: string;
  children?: ReactNode;
}) {
  return (
    <View className="st-fact" id={id}>
      <Text className="st-fact__name">{name}</Text>
      <View className="st-fact__value">
        {value !== undefined ? <Text className="text">{value}</Text> : null}
        {children}
      </View>
    </View>
  );
}
