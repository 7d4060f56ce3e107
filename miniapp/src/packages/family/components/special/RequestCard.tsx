import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TimelineList } from '../../../../components/Timeline';
import type { RequestModel } from '../../../../special-assistance/request-view';

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
      <TimelineList
        id={`${id}-events`}
        className="sa-line"
        entries={model.entries}
        itemId={(i) => `${id}-event-${i}`}
      />
      {model.hiddenEvents > 0 && onShowAll ? (
        <SubmitButton
          id={`${id}-all-events`}
          label={`查看全部办理记录（还有 ${model.hiddenEvents} 条）`}
          tone="plain"
          className="sa-line"
          disabled={loadingAll}
          onClick={onShowAll}
        >
          {loadingAll ? '正在读取…' : `查看全部办理记录（还有 ${model.hiddenEvents} 条）`}
        </SubmitButton>
      ) : null}
    </View>
  );
}
