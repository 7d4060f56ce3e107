/**
 * Calendar dates as YYYY-MM-DD in China time (UTC+8). The app serves Nanchang, and slot dates
 * and birth dates are local dates: computing them in the phone's zone could shift a day abroad.
 */
const chinaOffsetMs = 8 * 3600_000;
const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

export function todayInChina(now: number = Date.now()): string {
  return new Date(now + chinaOffsetMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** `count` dates starting at `from` (inclusive): the date chips of the search filters. */
export function nextDays(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** 今天 / 明天 / 12月3日 周三 — short enough for a chip. */
export function dateLabel(date: string, today: string): string {
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${weekdays[d.getUTCDay()]}`;
}

/** The same day `years` earlier (29 Feb falls back to 28 Feb): picker defaults for birth dates. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
