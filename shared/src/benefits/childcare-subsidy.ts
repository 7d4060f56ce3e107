/**
 * 育儿补贴 (national childcare subsidy, SPEC C2): a yearly amount per child
 * under 3, from the policy start; a child born before the start gets only the
 * months it is still under 3, pro rata (yearly amount ÷ 12 per month).
 *
 * Month rule: the calendar month of birth counts (whatever the day), the
 * calendar month of the third birthday does not. So a child born in the start
 * month or later gets exactly 36 months (3 × 3,600 yuan), and a child born on
 * 2022-10-20 gets 2025-01 … 2025-09 (9 months, 2,700 yuan). A child whose third
 * birthday falls before the start, or in the start month itself (born 2022-01,
 * e.g. 2022-01-15 → 3 on 2025-01-15), has no month left and is refused with the
 * reason. Pure: `asOf` (default: none) only refuses a birth date in the future.
 */
import type { PolicyDefinition } from './policies';

export interface ChildcareSubsidyPolicy {
  yearlyYuan: number;
  /** YYYY-MM-DD; the month containing it is the first month paid. */
  startsOn: string;
  untilAgeMonths: number;
}

export interface ChildcareSubsidyYear {
  year: number;
  months: number;
  amountYuan: number;
}

export interface ChildcareSubsidyResult {
  eligible: boolean;
  reason?: string;
  months: number;
  /** First and last month paid, YYYY-MM. */
  firstMonth?: string;
  lastMonth?: string;
  amountYuan: number;
  byYear: ChildcareSubsidyYear[];
}

/**
 * The calculator's inputs from a 育儿补贴 policy definition (amount, start, age limit are data).
 * `programmeStartsOn` is the first version's `effectiveFrom`: a later version (a corrected
 * amount) changes the yearly amount, never the months a child is owed since the programme began.
 */
export function childcareSubsidyPolicyFrom(
  policy: PolicyDefinition,
  programmeStartsOn: string = policy.effectiveFrom,
): ChildcareSubsidyPolicy {
  const untilAgeMonths = policy.parameters?.untilAgeMonths;
  if (policy.amountYuan === null || policy.kind !== 'yearly' || untilAgeMonths === undefined) {
    throw new Error(`policy ${policy.id} is not a yearly per-child subsidy with untilAgeMonths`);
  }
  return { yearlyYuan: policy.amountYuan, startsOn: programmeStartsOn, untilAgeMonths };
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Months since year 0: 2025-01 → 2025 × 12. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function yuan(yearlyYuan: number, months: number): number {
  return Math.round((yearlyYuan * months * 100) / 12) / 100;
}

function ageLimitText(untilAgeMonths: number): string {
  return untilAgeMonths % 12 === 0 ? `${untilAgeMonths / 12}周岁` : `${untilAgeMonths}个月`;
}

/** The day the child reaches `months` months of age (born on the 31st → last day of a shorter month). */
function dateReachingMonths(birthDate: string, months: number): string {
  const index = monthIndex(birthDate) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(birthDate.slice(8, 10)), lastDay);
  return `${monthLabel(index)}-${String(day).padStart(2, '0')}`;
}

function refused(reason: string): ChildcareSubsidyResult {
  return { eligible: false, reason, months: 0, amountYuan: 0, byYear: [] };
}

export function computeChildcareSubsidy(
  childBirthDate: string,
  policy: ChildcareSubsidyPolicy,
  asOf?: string,
): ChildcareSubsidyResult {
  if (!isoDate.test(childBirthDate)) return refused('出生日期格式应为 YYYY-MM-DD');
  if (asOf !== undefined && childBirthDate > asOf) return refused('出生日期晚于今天，请核对');
  const limit = ageLimitText(policy.untilAgeMonths);
  const limitDate = dateReachingMonths(childBirthDate, policy.untilAgeMonths);
  const first = Math.max(monthIndex(childBirthDate), monthIndex(policy.startsOn));
  const endExclusive = monthIndex(childBirthDate) + policy.untilAgeMonths;
  const months = endExclusive - first;
  if (months <= 0) {
    if (limitDate < policy.startsOn) {
      return refused(`孩子已于 ${limitDate} 满${limit}，早于育儿补贴起始日 ${policy.startsOn}，不能申领`);
    }
    return refused(
      `孩子于 ${limitDate} 满${limit}，满${limit}当月不计入补贴月数，${monthLabel(first)} 起已无可补贴的月份`,
    );
  }
  const byYear: ChildcareSubsidyYear[] = [];
  for (let index = first; index < endExclusive; index++) {
    const year = Math.floor(index / 12);
    const last = byYear[byYear.length - 1];
    if (last !== undefined && last.year === year) last.months += 1;
    else byYear.push({ year, months: 1, amountYuan: 0 });
  }
  for (const entry of byYear) entry.amountYuan = yuan(policy.yearlyYuan, entry.months);
  return {
    eligible: true,
    months,
    firstMonth: monthLabel(first),
    lastMonth: monthLabel(endExclusive - 1),
    amountYuan: yuan(policy.yearlyYuan, months),
    byYear,
  };
}
