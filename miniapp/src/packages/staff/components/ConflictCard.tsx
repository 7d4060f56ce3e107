import { type ConflictSideName, type ConflictView, districtByCode } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../components/SubmitButton';
import { conflictStatusNames, conflictSubjectNames, sideModel } from '../model/conflicts';
import { Fact } from './Fact';

/**
 * One conflict: what both sides claim, the two sides side by side (who filed, when, where each
 * stands now, what each filed, and the evidence the system holds for each), and while open a
 * button under each side to let it stand.
 */
export function ConflictCard({
  conflict: c,
  onResolve,
}: {
  conflict: ConflictView;
  onResolve: (standing: ConflictSideName) => void;
}) {
  return (
    <View className="section" id={`conflict-${c.id}`}>
      <View className="st-filing__head">
        <Text className="text">
          {conflictSubjectNames[c.kind]} {c.subject}
        </Text>
        <Text className="text">{conflictStatusNames[c.status]}</Text>
      </View>
      <Text className="muted">
        {districtByCode(c.district).name} · 发现于 {formatChinaDateTime(c.createdAt)}
      </Text>
      <View className="st-conflict__sides">
        {c.sides.map((side) => {
          const m = sideModel(c, side);
          return (
            <View
              key={side.side}
              className={`st-conflict__side${m.standing ? ' st-conflict__side--standing' : ''}`}
              id={`conflict-${c.id}-${side.side}`}
            >
              <Text className="title">{m.title}</Text>
              <Text className="text">{m.who}</Text>
              <Text className="text" id={`conflict-${c.id}-${side.side}-status`}>
                当前：{m.status}
              </Text>
              {m.facts.map((fact) => (
                // Stacked, not a Fact row: a half-width column has no room for a name beside its value.
                <View key={fact.label} className="st-conflict__fact">
                  <Text className="st-fact__name">{fact.label}</Text>
                  <Text className="text">{fact.value}</Text>
                </View>
              ))}
              <View
                className={`st-conflict__evidence${m.hasEvidence ? ' st-conflict__evidence--found' : ''}`}
                id={`conflict-${c.id}-${side.side}-evidence`}
              >
                <Text className="st-fact__name">系统记录</Text>
                {m.evidence.map((note) => (
                  <Text key={note} className="text">
                    {note}
                  </Text>
                ))}
              </View>
              {c.status === 'open' ? (
                <SubmitButton
                  id={`conflict-keep-${c.id}-${side.side}`}
                  label={`以${m.title}（${side.applicantNameMasked}）为准`}
                  tone="plain"
                  onClick={() => onResolve(side.side)}
                >
                  以此方为准
                </SubmitButton>
              ) : null}
            </View>
          );
        })}
      </View>
      {c.resolution ? (
        <View id={`conflict-${c.id}-resolution`}>
          <Fact
            name="处理结果"
            value={`以${c.resolution.standing === 'first' ? '先' : '后'}提交的一方为准 · ${c.resolution.resolvedBy} · ${formatChinaDateTime(c.resolution.resolvedAt)}`}
          />
          <Fact name="核对意见" value={c.resolution.comment} />
        </View>
      ) : null}
    </View>
  );
}
