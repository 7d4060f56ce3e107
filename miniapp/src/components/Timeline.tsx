import type { RegistrationView } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { timeline } from '../registration/timeline';
import './timeline.css';

export interface TimelineEntry {
  key: string;
  what: string;
  who: string;
  when: string;
  /** A comment under the entry (an office's 意见, a contact person's note). */
  note?: string;
}

/**
 * 办理记录, newest first: what, who, when and a note, the newest dot marked. `itemId` names
 * each entry for tests (`<id>-<i>` unless told); `noteId` the note's own id where one is wanted.
 */
export function TimelineList({
  id,
  entries,
  className,
  itemId = (i) => `${id}-${i}`,
  noteId,
}: {
  id: string;
  entries: readonly TimelineEntry[];
  className?: string;
  itemId?: (index: number) => string;
  noteId?: (index: number) => string;
}) {
  return (
    <View className={className ? `tl ${className}` : 'tl'} id={id} role="list" aria-label="办理记录">
      {entries.map((entry, i) => (
        <View key={entry.key} className="tl-item" role="listitem" id={itemId(i)}>
          <View className={`tl-dot${i === 0 ? ' tl-dot--now' : ''}`} />
          <View className="tl-body">
            <Text className="text tl-what">{entry.what}</Text>
            <Text className="muted">
              {entry.who} · {entry.when}
            </Text>
            {entry.note ? (
              <Text className="text tl-comment" id={noteId?.(i)}>
                {entry.note}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** A registration's status history: who is 系统 or the office, and the office's 意见. */
export function Timeline({ id, history }: { id: string; history: RegistrationView['history'] }) {
  const entries = timeline(history).map((entry) => ({
    ...entry,
    note: entry.comment ? `意见：${entry.comment}` : undefined,
  }));
  return <TimelineList id={id} entries={entries} noteId={(i) => `${id}-${i}-comment`} />;
}
