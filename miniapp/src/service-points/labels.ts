import type { PointService, ServicePointItem } from '@hongjia/shared';
import type { z } from 'zod';

export type Service = z.infer<typeof PointService>;
type OpeningHours = z.infer<typeof ServicePointItem>['openingHours'];

export const serviceNames: Record<Service, string> = {
  print: '打印',
  pickup: '领取',
  consult: '咨询',
};

export const serviceKeys: readonly Service[] = ['print', 'pickup', 'consult'];

export function openBadge(openNow: boolean): { text: string; tone: 'open' | 'closed' } {
  return openNow ? { text: '营业中', tone: 'open' } : { text: '休息中', tone: 'closed' };
}

const dayNames = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * 周一至周五 / 周六、周日 / 每天. Weekdays are 0–6 from Sunday (Date#getDay); 7 is read as Sunday
 * too, so an ISO-numbered list reads the same.
 */
export function weekdaysLabel(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays.map((d) => d % 7))].sort((a, b) => a - b);
  if (days.length === 7) return '每天';
  // Monday-first order, as people say it: Sunday goes last.
  const ordered = days.map((d) => (d === 0 ? 7 : d)).sort((a, b) => a - b);
  const consecutive = ordered.every((d, i) => i === 0 || d === (ordered[i - 1] ?? 0) + 1);
  const name = (d: number) => `周${dayNames[d % 7]}`;
  if (ordered.length >= 3 && consecutive) {
    return `${name(ordered[0] ?? 1)}至${name(ordered[ordered.length - 1] ?? 5)}`;
  }
  return ordered.map(name).join('、');
}

/** One line per opening rule, e.g. 周一至周五 09:00–17:30. Several rules on the same days merge. */
export function openingHoursLines(hours: OpeningHours): string[] {
  const byDays = new Map<string, { days: number[]; spans: string[] }>();
  for (const rule of hours) {
    const key = [...rule.weekdays].sort().join(',');
    const entry = byDays.get(key) ?? { days: rule.weekdays, spans: [] };
    entry.spans.push(`${rule.opens}–${rule.closes}`);
    byDays.set(key, entry);
  }
  return [...byDays.values()].map((e) => `${weekdaysLabel(e.days)} ${e.spans.join('、')}`);
}
