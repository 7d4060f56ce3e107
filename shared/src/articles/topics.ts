/**
 * The library's topics and age span, without zod: the mini-program's pages import this (and
 * select.ts) at run time, and zod stays out of what they do not already carry (decision 0027).
 */
export const articleTopics = [
  'feeding',
  'sleep',
  'development',
  'immunisation',
  'health',
  'safety',
  'parenting',
] as const;
export type ArticleTopic = (typeof articleTopics)[number];

export const articleTopicNames: Record<ArticleTopic, string> = {
  feeding: '喂养',
  sleep: '睡眠',
  development: '发育',
  immunisation: '预防接种',
  health: '健康护理',
  safety: '安全',
  parenting: '亲子陪伴',
};

/** The library covers the first three years: 0–36 months, `ageToMonths` exclusive. */
export const libraryMonths = 36;

/** A child's age for parents: 5个月, 1岁, 2岁3个月. */
export function ageMonthsLabel(months: number): string {
  if (months < 12) return `${months}个月`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${years}岁${rest}个月` : `${years}岁`;
}
