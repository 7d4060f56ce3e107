import { Text, View } from '@tarojs/components';
import type { CoverageCell, CoverageRow } from '../model/coverage';

const headers = ['县区', '家庭', '有联系人', '签约医生', '绿色通道', '三个全覆盖'];

function Cell({ cell }: { cell: CoverageCell }) {
  return (
    <View className={`st-td${cell.share < 1 ? ' st-below' : ''}`} role="cell">
      {cell.text}
    </View>
  );
}

/** 三个全覆盖 per district: counts with shares; anything short of 100% in red. */
export function CoverageTable({ rows }: { rows: CoverageRow[] }) {
  return (
    <View className="st-scroll">
      <View className="st-table" id="coverage-table" role="table" aria-label="各县区三个全覆盖情况">
        <View className="st-tr" role="row">
          {headers.map((h) => (
            <View key={h} className="st-th" role="columnheader">
              {h}
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View
            key={r.key}
            className={`st-tr${r.total ? ' st-total' : ''}`}
            role="row"
            id={`coverage-row-${r.key}`}
          >
            <View className="st-td" role="cell">
              {r.name}
            </View>
            <View className="st-td" role="cell">
              {r.families}
            </View>
            <Cell cell={r.contactPerson} />
            <Cell cell={r.familyDoctor} />
            <Cell cell={r.greenChannel} />
            <Cell cell={r.fullyCovered} />
          </View>
        ))}
      </View>
      {rows.length === 0 ? <Text className="muted">没有特殊家庭档案。</Text> : null}
    </View>
  );
}
