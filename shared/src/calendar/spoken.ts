import { chinaWallClock, daysBetween, todayInChina } from './days';

/**
 * Dates, times and spans in the words people say them, China time: what the mini-program shows
 * older users (SPEC C5) instead of digits and dashes. Display only; computing stays on days.ts.
 */
const hourMs = 3_600_000;
const relativeDays = ['今天', '明天', '后天'];

/** 1995年3月15日: a birth date or a deadline the way people say it. */
export function spokenDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 上午9点, 中午12点, 下午2点半, 晚上8点15分, 凌晨0点: a time of day as said aloud. */
export function clockWords(hour: number, minute: number): string {
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour === 12 ? '中午' : hour < 18 ? '下午' : '晚上';
  const h = hour > 12 ? hour - 12 : hour;
  const m = minute === 0 ? '' : minute === 30 ? '半' : `${minute}分`;
  return `${part}${h}点${m}`;
}

/**
 * A deadline in plain words: 明天（11月30日）下午2点前, or 12月3日 上午9点前 further out. `now`
 * gives 今天 / 明天 / 后天, which older users read faster than a date.
 */
export function deadlineWords(dueAt: string, now: number = Date.now()): string {
  const time = Date.parse(dueAt);
  if (Number.isNaN(time)) return dueAt;
  const local = chinaWallClock(time);
  const day = local.toISOString().slice(0, 10);
  const relative = relativeDays[daysBetween(todayInChina(now), day)];
  const monthDay = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  return `${relative ? `${relative}（${monthDay}）` : monthDay}${clockWords(local.getUTCHours(), local.getUTCMinutes())}前`;
}

/** 3 天 5 小时 / 5 小时 / 不到 1 小时: a span in days only when a day or more, whole hours below. */
export function spanWords(ms: number): string {
  const hours = Math.floor(ms / hourMs);
  if (hours < 1) return '不到 1 小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return `${hours} 小时`;
  return rest === 0 ? `${days} 天` : `${days} 天 ${rest} 小时`;
}
