import { addWorkingDays } from '@hongjia/shared';

/**
 * The 育儿补贴 timing rules, pure (dates are Asia/Shanghai days, YYYY-MM-DD):
 * review within 30 working days of the submission day; an approved application
 * is confirmed once a year (年度确认) while the child still has months to be
 * paid; the confirmation opens, and the reminder goes out, 30 days before it is due.
 */
export const reviewWorkingDays = 30;
export const renewalWindowDays = 30;

const dayMs = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The same day a year on; 29 February → 28 February. */
export function addOneYear(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

export function reviewDueBy(submittedOn: string): string {
  return addWorkingDays(submittedOn, reviewWorkingDays);
}

/**
 * The next confirmation, a year after `from` (the approval day, or the
 * confirmation just made), if the child still has paid months from its month
 * on; '' when the last paid month comes before it (nothing left to confirm).
 */
export function nextRenewal(from: string, lastMonth: string): string {
  const next = addOneYear(from);
  return next.slice(0, 7) <= lastMonth ? next : '';
}

/** The confirmation can be made (and is reminded of) from 30 days before it is due, and any time after. */
export function renewalOpen(renewalDueOn: string, today: string): boolean {
  return renewalDueOn !== '' && today >= addDays(renewalDueOn, -renewalWindowDays);
}

/** The months (YYYY-MM) from `from`'s to `to`'s, inclusive: where the reminder looks. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (let label = from.slice(0, 7); label <= to.slice(0, 7); ) {
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    label = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
