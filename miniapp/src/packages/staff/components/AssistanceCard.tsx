import { type AssistanceRequestView, assistanceCategoryNames, assistanceEventNames } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { pressable } from '../../../components/a11y';
import { assistanceStatusNames, type EventKind, filedByText, urgencyNames } from '../model/assistance';
import { responseDue } from '../model/deadlines';
import { districtName } from '../model/labels';
import { EventForm } from './EventForm';
import { Fact } from './Fact';

/**
 * A help request for staff: what, how urgent, for whom, by when the first response is due, who
 * is the contact person and who filed it. Tapping opens its history and the event form.
 */
export function AssistanceCard({
  request: r,
  open,
  now,
  busy,
  onOpen,
  onEvent,
}: {
  request: AssistanceRequestView;
  open: boolean;
  now: number;
  busy: boolean;
  onOpen: () => void;
  onEvent: (kind: EventKind, note: string) => Promise<boolean>;
}) {
  const due = responseDue(r, now);
  const category = assistanceCategoryNames[r.category];
  return (
    <View className={`section as-card as-card--${due.tone}`} id={`assistance-item-${r.id}`}>
      <View
        className="as-card__head"
        onClick={onOpen}
        // Named by what it shows; open or not is aria-expanded (axe label-content-name-mismatch).
        {...pressable(`assistance-open-${r.id}`)}
        aria-expanded={open}
      >
        <View className="sf-row__tags">
          <Text className={`badge ${r.urgency === 'urgent' ? 'st-badge--overdue' : 'badge--muted'}`}>
            {urgencyNames[r.urgency]}
          </Text>
          {due.tone === 'overdue' ? (
            <Text className="badge st-badge--overdue" id={`assistance-overdue-${r.id}`}>
              已超时
            </Text>
          ) : null}
          <Text className="badge badge--muted">{assistanceStatusNames[r.status]}</Text>
        </View>
        <Text className="text">
          {category} · {r.familyLabel}
        </Text>
        <Text className={`text as-due as-due--${due.tone}`}>{due.text}</Text>
      </View>
      <Fact name="联系人" value={r.contactPersonName ?? '未指定（请尽快在档案中填写）'} />
      <Fact name="提交" value={`${filedByText(r.filedBy)} · ${formatChinaDateTime(r.createdAt)}`} />
      <Fact name="县区" value={districtName(r.district)} />
      {open ? (
        <View id={`assistance-detail-${r.id}`}>
          <Fact name="求助内容" value={r.description} />
          {r.eventCount > r.events.length ? (
            <Text className="muted" id={`assistance-count-${r.id}`}>
              共 {r.eventCount} 条处理记录，此处显示最新一条
            </Text>
          ) : null}
          {r.events.map((e) => (
            <Fact
              key={`${e.at}:${e.kind}`}
              name={formatChinaDateTime(e.at)}
              value={`${assistanceEventNames[e.kind]} · ${e.byName}${e.note ? `：${e.note}` : ''}`}
            />
          ))}
          {r.status === 'resolved' ? null : <EventForm busy={busy} onSubmit={onEvent} />}
        </View>
      ) : null}
    </View>
  );
}
