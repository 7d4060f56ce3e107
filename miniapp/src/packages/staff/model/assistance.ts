import type { AssistanceRequestView, AssistanceStatus } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';

export const assistanceStatusNames: Record<AssistanceStatus, string> = {
  awaiting_response: '待首次响应',
  in_progress: '处理中',
  resolved: '已办结',
};

export const urgencyNames = { urgent: '紧急', normal: '一般' } as const;

/** The kinds staff record, in the order of the buttons; `remark` is the id of 备注 (note). */
export const eventChoices = [
  { kind: 'call', text: '电话联系', idSuffix: 'call' },
  { kind: 'visit', text: '上门走访', idSuffix: 'visit' },
  { kind: 'note', text: '备注', idSuffix: 'remark' },
  { kind: 'resolved', text: '办结', idSuffix: 'resolved' },
] as const;
export type EventKind = (typeof eventChoices)[number]['kind'];

/** Who filed it. A proxied request names both the contact person and the member who consented. */
export function filedByText(filedBy: AssistanceRequestView['filedBy']): string {
  if (filedBy.mode === 'self') return `本人提交（${filedBy.name}）`;
  const consent = filedBy.consentBy
    ? `，经 ${filedBy.consentBy} 同意${filedBy.consentAt ? `（${formatChinaDateTime(filedBy.consentAt)}）` : ''}`
    : '';
  return `联系人 ${filedBy.name} 代为提交${consent}`;
}

/** A note is what the family reads of a resolution or a remark: required there, optional for a call or visit. */
export function eventNoteIssue(kind: EventKind, note: string): string | undefined {
  const text = note.trim();
  if (text.length > 1000) return '说明过长（最多 1000 字）';
  if ((kind === 'note' || kind === 'resolved') && text === '') {
    return kind === 'note' ? '请填写备注内容' : '请写明办结情况，家庭会看到';
  }
  return undefined;
}
