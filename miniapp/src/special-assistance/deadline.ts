import { todayInChina } from '../lib/dates';

const chinaOffsetMs = 8 * 3600_000;
const relativeDays = ['今天', '明天', '后天'];

/** 上午9点, 中午12点, 下午2点半, 晚上8点15分, 凌晨0点: a time the way people say it. */
export function clockWords(hour: number, minute: number): string {
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour === 12 ? '中午' : hour < 18 ? '下午' : '晚上';
  const h = hour > 12 ? hour - 12 : hour;
  const m = minute === 0 ? '' : minute === 30 ? '半' : `${minute}分`;
  return `${part}${h}点${m}`;
}

/**
 * A deadline in plain words, China time: 明天（11月30日）下午2点前, or 12月3日 上午9点前 further out.
 * `now` gives 今天 / 明天 / 后天, which older users read faster than a date.
 */
export function deadlineWords(dueAt: string, now: number = Date.now()): string {
  const t = Date.parse(dueAt);
  if (Number.isNaN(t)) return dueAt;
  const local = new Date(t + chinaOffsetMs);
  const date = local.toISOString().slice(0, 10);
  const dayMs = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${todayInChina(now)}T00:00:00Z`);
  const relative = relativeDays[Math.round(dayMs / 86_400_000)];
  const monthDay = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  const day = relative ? `${relative}（${monthDay}）` : monthDay;
  return `${day}${clockWords(local.getUTCHours(), local.getUTCMinutes())}前`;
}

/** The promise shown after a request is filed: 联系人将在 明天（11月30日）下午2点前 联系您. */
export function contactPromise(dueAt: string, contactName: string | undefined, now?: number): string {
  const who = contactName ? `联系人${contactName}` : '联系人';
  return `${who}将在${deadlineWords(dueAt, now)}联系您。`;
}
