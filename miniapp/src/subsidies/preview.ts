import {
  type ChildcareSubsidyResult,
  childcareSubsidyPolicyFrom,
  computeChildcareSubsidy,
  seedPolicies,
} from '@hongjia/shared';
import { formatYuan } from '../lib/format';

const seed = seedPolicies.find((p) => p.id === 'childcare-subsidy');
/** The shipped 育儿补贴 rule: good for an estimate; the server applies the version in force. */
const policy = seed ? childcareSubsidyPolicyFrom(seed) : undefined;

/** One sentence on who gets how much, from the policy data (never an amount in code). */
export function policySummary(): string {
  if (!policy) return '3 周岁以下的孩子可以申领育儿补贴。';
  return `${policy.untilAgeMonths / 12} 周岁以下的孩子，每孩每年 ${formatYuan(policy.yearlyYuan)}；${monthWords(policy.startsOn.slice(0, 7))}以前出生的，只算还没满 ${policy.untilAgeMonths / 12} 周岁的月份。`;
}

export interface SubsidyPreview {
  eligible: boolean;
  /** 预计可领 9 个月，共 2,700 元 — or why not. */
  headline: string;
  /** 2025年1月至2025年9月 */
  range?: string;
  byYear: YearRow[];
}

export interface YearRow {
  year: string;
  months: string;
  amount: string;
}

/** 2025-01 → 2025年1月 */
export function monthWords(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

export function yearRows(
  byYear: ReadonlyArray<{ year: number; months: number; amountYuan: number }>,
): YearRow[] {
  return byYear.map((y) => ({
    year: `${y.year}年`,
    months: `${y.months}个月`,
    amount: formatYuan(y.amountYuan),
  }));
}

export function describePreview(result: ChildcareSubsidyResult): SubsidyPreview {
  if (!result.eligible) {
    return { eligible: false, headline: result.reason ?? '按目前的规定不能申领', byYear: [] };
  }
  return {
    eligible: true,
    headline: `预计可领 ${result.months} 个月，共 ${formatYuan(result.amountYuan)}`,
    ...(result.firstMonth && result.lastMonth
      ? { range: `${monthWords(result.firstMonth)}至${monthWords(result.lastMonth)}` }
      : {}),
    byYear: yearRows(result.byYear),
  };
}

/** The estimate for a birth date (from the child's ID number), or nothing before it is known. */
export function subsidyPreview(
  childBirthDate: string | undefined,
  today: string,
): SubsidyPreview | undefined {
  if (!childBirthDate || !policy) return undefined;
  return describePreview(computeChildcareSubsidy(childBirthDate, policy, today));
}
