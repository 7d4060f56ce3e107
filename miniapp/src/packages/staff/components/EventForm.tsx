import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { button } from '../../../components/a11y';
import { NoteField } from '../../../components/NoteField';
import { SubmitButton } from '../../../components/SubmitButton';
import { type EventKind, eventChoices, eventNoteIssue } from '../model/assistance';
import { useNote } from './use-note';

/**
 * 记录处理 of a help request: what was done (电话联系 / 上门走访 / 备注 / 办结) and a note the
 * family reads. One form on the page at a time, so its ids are fixed (Playwright uses them).
 */
export function EventForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (kind: EventKind, note: string) => Promise<boolean>;
}) {
  const [kind, setKind] = useState<EventKind>('call');
  const note = useNote();

  async function submit() {
    const issue = eventNoteIssue(kind, note.value);
    note.setError(issue);
    if (issue) return;
    if (await onSubmit(kind, note.value.trim())) note.clear();
  }

  return (
    <View className="as-form" id="assistance-event-form">
      <Text className="text">记录处理</Text>
      <View className="as-kinds">
        {eventChoices.map((c) => (
          <View
            key={c.kind}
            className={`chip${kind === c.kind ? ' chip--on' : ''}`}
            aria-pressed={kind === c.kind}
            onClick={() => {
              setKind(c.kind);
              note.setError(undefined);
            }}
            {...button(`处理方式：${c.text}`, `assistance-event-${c.idSuffix}`)}
          >
            {c.text}
          </View>
        ))}
      </View>
      <NoteField
        id="assistance-event-note"
        label={kind === 'call' || kind === 'visit' ? '说明（选填）' : '说明'}
        spoken="处理说明"
        maxlength={1000}
        placeholder="家庭会在求助进度中看到这段说明"
        {...note.field}
      />
      <SubmitButton
        id="assistance-event-submit"
        label={kind === 'resolved' ? '确认办结' : '保存记录'}
        busy={busy}
        onClick={submit}
      >
        {kind === 'resolved' ? '确认办结' : '保存记录'}
      </SubmitButton>
    </View>
  );
}
