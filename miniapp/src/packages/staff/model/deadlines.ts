import { formatDateTime } from '../../../lib/format';

const hourMs = 3600_000;

/** 3 天 5 小时 / 5 小时 / 不到 1 小时: days only when a day or more, whole hours below. */
export function spanText(ms: number): string {
  const hours = Math.floor(ms / hourMs);
  if (hours < 1) return '不到 1 小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return `${hours} 小时`;
  return rest === 0 ? `${days} 天` : `${days} 天 ${rest} 小时`;
}

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
      text: `已于 ${formatDateTime(r.firstRespondedAt)} 首次响应${late ? '（超时后）' : ''}`,
    };
  }
  const left = due - now;
  if (r.overdue || left <= 0) {
    return {
      tone: 'overdue',
      text: `已超时 ${spanText(Math.max(0, -left))}（应于 ${formatDateTime(r.dueAt)} 前响应）`,
    };
  }
  return {
    tone: left <= 6 * hourMs ? 'soon' : 'ok',
    text: `${formatDateTime(r.dueAt)} 前首次响应，还剩 ${spanText(left)}`,
  };
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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
