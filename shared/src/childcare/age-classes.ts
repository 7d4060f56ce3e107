/**
 * Age classes of the 托育机构设置标准 (SPEC C1): the class a child may join is
 * decided by its age in whole months on the slot's date.
 *   乳儿班 infant     6–12 months, at most 10 children, 1 caregiver per 3
 *   托小班 toddler   12–24 months, at most 15 children, 1 caregiver per 5
 *   托大班 preschool 24–36 months, at most 20 children, 1 caregiver per 7
 * Boundaries: a child of exactly 12 months is a toddler, of exactly 24 months
 * a preschooler (lower bound inclusive, upper bound exclusive).
 */
export const ageClassKeys = ['infant', 'toddler', 'preschool'] as const;
export type AgeClass = (typeof ageClassKeys)[number];

export interface AgeClassRule {
  key: AgeClass;
  name: string;
  minMonths: number;
  maxMonthsExclusive: number;
  maxChildren: number;
  childrenPerCaregiver: number;
}

export const ageClassRules: Record<AgeClass, AgeClassRule> = {
  infant: {
    key: 'infant',
    name: '乳儿班',
    minMonths: 6,
    maxMonthsExclusive: 12,
    maxChildren: 10,
    childrenPerCaregiver: 3,
  },
  toddler: {
    key: 'toddler',
    name: '托小班',
    minMonths: 12,
    maxMonthsExclusive: 24,
    maxChildren: 15,
    childrenPerCaregiver: 5,
  },
  preschool: {
    key: 'preschool',
    name: '托大班',
    minMonths: 24,
    maxMonthsExclusive: 36,
    maxChildren: 20,
    childrenPerCaregiver: 7,
  },
};

/** Whole months from `birthDate` to `onDate` (both YYYY-MM-DD); a month completes on the same day number. */
export function ageInMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  let months = (oy - by) * 12 + (om - bm);
  // Born on the 31st: the month completes on the last day of a shorter month.
  const lastDayOfOnMonth = new Date(Date.UTC(oy, om, 0)).getUTCDate();
  if (od < Math.min(bd, lastDayOfOnMonth)) months -= 1;
  return months;
}

/** The class a child of this birth date belongs to on `onDate`, or undefined (under 6 or 36+ months). */
export function ageClassOn(birthDate: string, onDate: string): AgeClass | undefined {
  const months = ageInMonths(birthDate, onDate);
  return ageClassKeys.find((key) => {
    const rule = ageClassRules[key];
    return months >= rule.minMonths && months < rule.maxMonthsExclusive;
  });
}

/** Caregivers a class of `capacity` children needs at least. */
export function caregiversNeeded(ageClass: AgeClass, capacity: number): number {
  return Math.ceil(capacity / ageClassRules[ageClass].childrenPerCaregiver);
}
