import type { RegistrationView } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { timeline } from '../registration/timeline';
import './timeline.css';

/** A registration's status history, newest first: what, who (系统 / the office), when, comment. */
export function Timeline({ id, history }: { id: string; history: RegistrationView['history'] }) {
  const entries = timeline(history);
  return (
    <View className="tl" id={id} role="list" aria-label="办理记录">
      {entries.map((entry, i) => (
        <View key={entry.key} className="tl-item" role="listitem" id={`${id}-${i}`}>
          <View className={`tl-dot${i === 0 ? ' tl-dot--now' : ''}`} />
          <View className="tl-body">
            <Text className="text tl-what">{entry.what}</Text>
            <Text className="muted">
              {entry.who} · {entry.when}
            </Text>
            {entry.comment ? (
              <Text className="text tl-comment" id={`${id}-${i}-comment`}>
                意见：{entry.comment}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
