import type { RegistrationView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { statusNames } from './labels';

export type StatusChange = RegistrationView['history'][number];

export interface TimelineEntry {
  key: string;
  /** What happened, e.g. 提交申请, 系统审核：已通过（秒办）. */
  what: string;
  /** Who: 本人, 系统, or the staff office (never a personal name). */
  who: string;
  when: string;
  comment?: string;
}

function what(change: StatusChange, first: boolean): string {
  if (change.by === 'family') return first ? '提交申请' : '修改后重新提交';
  if (change.by === 'system') {
    return change.status === 'approved' ? '系统自动审核：已通过（秒办）' : `系统自动审核：转人工审核`;
  }
  if (change.status === 'voided') return '登记已作废';
  return `审核结果：${statusNames[change.status]}`;
}

function who(change: StatusChange): string {
  if (change.by === 'family') return '本人';
  if (change.by === 'system') return '系统';
  return change.byName ? `工作人员（${change.byName}）` : '工作人员';
}

/** The status history as a timeline, newest first (what the family wants to know first). */
export function timeline(history: readonly StatusChange[]): TimelineEntry[] {
  const ordered = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const firstFamily = ordered.findIndex((c) => c.by === 'family');
  return ordered
    .map((change, i) => ({
      key: `${change.at}-${i}`,
      what: what(change, i === firstFamily || firstFamily === -1),
      who: who(change),
      when: formatChinaDateTime(change.at),
      ...(change.comment ? { comment: change.comment } : {}),
    }))
    .reverse();
}
