import { Text, View } from '@tarojs/components';

/** Shares of a whole (parity, mothers' ages) as bars against 100 %, the count and share beside each. */
export function ShareBars({
  id,
  title,
  rows,
}: {
  id: string;
  title: string;
  rows: { key: string; label: string; text: string; width: number }[];
}) {
  return (
    <View className="section" id={id}>
      <Text className="title">{title}</Text>
      {rows.map((row) => (
        <View key={row.key} className="st-chart-row" id={`${id}-${row.key}`}>
          <Text className="st-chart-label">{row.label}</Text>
          <View className="st-chart-track" aria-hidden="true">
            <View className="st-chart-bar" style={{ width: `${row.width}%` }} />
          </View>
          <Text className="st-chart-value">{row.text}</Text>
        </View>
      ))}
    </View>
  );
}
