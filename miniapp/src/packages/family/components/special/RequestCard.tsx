import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../../components/SubmitButton';
import type { RequestModel } from '../../../../special-assistance/request-view';
import '../../../../components/timeline.css';

/** One help request: status, the first-contact line (late said gently), what was asked, and what happened. */
export function RequestCard({
  model,
  onShowAll,
  loadingAll = false,
}: {
  model: RequestModel;
  /** Reads the whole history (the list carries the newest event only). */
  onShowAll?: () => void;
  loadingAll?: boolean;
}) {
  const id = `request-${model.id}`;
  return (
    <View className="sa-card" id={id} role="listitem" aria-label={`${model.title}：${model.statusText}`}>
      <View className="sa-card__head">
        <Text className="text sa-card__name">{model.title}</Text>
        <Text className="sa-tag sa-tag--no" id={`${id}-status`}>
          {model.statusText}
        </Text>
      </View>
      <Text className={model.overdue ? 'text sa-soft' : 'text sa-line'} id={`${id}-contact`}>
        {model.contactLine}
      </Text>
      <Text className="muted sa-line">您说的是：{model.description}</Text>
      <View className="tl sa-line" id={`${id}-events`} role="list" aria-label="办理记录">
        {model.entries.map((entry, i) => (
          <View key={entry.key} className="tl-item" role="listitem" id={`${id}-event-${i}`}>
            <View className={`tl-dot${i === 0 ? ' tl-dot--now' : ''}`} />
            <View className="tl-body">
              <Text className="text tl-what">{entry.what}</Text>
              <Text className="muted">
                {entry.who} · {entry.when}
              </Text>
              {entry.note ? <Text className="text tl-comment">{entry.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
      {model.hiddenEvents > 0 && onShowAll ? (
        <SubmitButton
          id={`${id}-all-events`}
          label={`查看全部办理记录（还有 ${model.hiddenEvents} 条）`}
          className="btn--secondary sa-line"
          disabled={loadingAll}
          onClick={onShowAll}
        >
          {loadingAll ? '正在读取…' : `查看全部办理记录（还有 ${model.hiddenEvents} 条）`}
        </SubmitButton>
      ) : null}
    </View>
  );
}
