import { addDays, chinaWallClock } from './days';

/**
 * Dates as people read them, in China time. Formatting only: every computation stays on
 * `YYYY-MM-DD` days (days.ts).
 */
const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** ISO date-time → `2026-11-29 14:05` in China time (the text itself when it is no date-time). */
export function formatChinaDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return chinaWallClock(time).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO date-time → `11月29日 14:05` in China time: short enough for a message. */
export function formatChinaMonthDayTime(iso: string): string {
  return chinaWallClock(iso).toISOString().slice(5, 16).replace('-', '月').replace('T', '日 ');
}

/** 今天 / 明天 / 12月3日 周三 — short enough for a chip. */
export function dateLabel(day: string, today: string): string {
  if (day === today) return '今天';
  if (day === addDays(today, 1)) return '明天';
  const d = new Date(`${day}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${weekdays[d.getUTCDay()]}`;
}
