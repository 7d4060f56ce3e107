import { daysBetween } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { spanWords } from '@hongjia/shared/calendar/spoken';

const hourMs = 3_600_000;

export type DueTone = 'overdue' | 'soon' | 'ok' | 'answered';

/**
 * The first-response deadline of a help request as staff read it. `overdue` is the server's
 * verdict (it owns the clock that counts); the wording only adds how long is left or late.
 * Within 6 hours of the deadline counts as soon.
 */
export function responseDue(
  r: { dueAt: string; overdue: boolean; firstRespondedAt?: string },
  now: number,
): { tone: DueTone; text: string } {
  const due = Date.parse(r.dueAt);
  if (r.firstRespondedAt) {
    const late = Date.parse(r.firstRespondedAt) > due;
    return {
      tone: 'answered',
      text: `已于 ${formatChinaDateTime(r.firstRespondedAt)} 首次响应${late ? '（超时后）' : ''}`,
    };
  }
  const left = due - now;
  if (r.overdue || left <= 0) {
    return {
      tone: 'overdue',
      text: `已超时 ${spanWords(Math.max(0, -left))}（应于 ${formatChinaDateTime(r.dueAt)} 前响应）`,
    };
  }
  return {
    tone: left <= 6 * hourMs ? 'soon' : 'ok',
    text: `${formatChinaDateTime(r.dueAt)} 前首次响应，还剩 ${spanWords(left)}`,
  };
}

/**
 * 育儿补贴 review deadline (30 working days, computed by the server) against today: past it,
 * due within 5 calendar days, or comfortably ahead.
 */
export function reviewDue(
  reviewDueBy: string,
  today: string,
): { tone: 'overdue' | 'soon' | 'ok'; text: string } {
  const days = daysBetween(today, reviewDueBy);
  if (days < 0) return { tone: 'overdue', text: `审核期限 ${reviewDueBy}，已超期 ${-days} 天` };
  if (days === 0) return { tone: 'soon', text: `审核期限 ${reviewDueBy}，今天到期` };
  if (days <= 5) return { tone: 'soon', text: `审核期限 ${reviewDueBy}，还剩 ${days} 天` };
  return { tone: 'ok', text: `审核期限 ${reviewDueBy}（还剩 ${days} 天）` };
}
