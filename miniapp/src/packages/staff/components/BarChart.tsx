import { Text, View } from '@tarojs/components';
import { barScale } from '../../../lib/chart';

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
}

/**
 * Horizontal bars drawn with Views (no chart library in the package), with the target as a
 * vertical line; bars below target are red. The figures are in the table too, for screen readers.
 */
export function BarChart({
  id,
  title,
  bars,
  target,
  targetText,
  max,
}: {
  id: string;
  title: string;
  bars: Bar[];
  target: number;
  targetText: string;
  /** A fixed axis end (shares: 1), instead of one derived from the values and the target. */
  max?: number;
}) {
  const scale =
    max !== undefined
      ? { percent: (v: number) => Math.max(0, Math.min(100, (v / max) * 100)) }
      : barScale(
          bars.map((b) => b.value),
          target,
        );
  return (
    <View className="section" id={id} aria-label={`${title}，目标线 ${targetText}`}>
      <Text className="title">{title}</Text>
      <Text className="muted">黑线为目标（{targetText}），红色为未达标。</Text>
      {bars.map((bar) => (
        <View key={bar.key} className="st-chart-row" id={`${id}-${bar.key}`}>
          <Text className="st-chart-label">{bar.label}</Text>
          <View className="st-chart-track" aria-hidden="true">
            <View
              className={`st-chart-bar${bar.value < target ? ' st-chart-bar--below' : ''}`}
              style={{ width: `${scale.percent(bar.value)}%` }}
            />
            <View className="st-chart-target" style={{ left: `${scale.percent(target)}%` }} />
          </View>
          <Text className="st-chart-value">{bar.text}</Text>
        </View>
      ))}
    </View>
  );
}
