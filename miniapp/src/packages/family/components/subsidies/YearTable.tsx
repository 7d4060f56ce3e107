import { Text, View } from '@tarojs/components';
import type { YearRow } from '../../../../subsidies/preview';

/** 年份 · 月数 · 金额, one row per calendar year of the subsidy. */
export function YearTable({ id, rows }: { id: string; rows: readonly YearRow[] }) {
  if (rows.length === 0) return null;
  return (
    <View className="sb-table" id={id} role="table" aria-label="按年份">
      <View className="sb-table__row sb-table__row--head" role="row">
        <Text className="sb-table__cell">年份</Text>
        <Text className="sb-table__cell">月数</Text>
        <Text className="sb-table__cell">金额</Text>
      </View>
      {rows.map((row) => (
        <View key={row.year} className="sb-table__row" role="row">
          <Text className="sb-table__cell">{row.year}</Text>
          <Text className="sb-table__cell">{row.months}</Text>
          <Text className="sb-table__cell">{row.amount}</Text>
        </View>
      ))}
    </View>
  );
}
