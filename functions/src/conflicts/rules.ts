import { daysBetween } from '@hongjia/shared';

/**
 * Pure rules of the conflict evidence: when does a registration on file speak
 * for a child born on a given day?
 */

/** A birth within this many days of the due date belongs to that pregnancy (term is 37–42 weeks). */
export const dueDateToleranceDays = 45;
/** A registration filed without a due date covers a birth up to this many days after it was filed. */
export const registeredAheadDays = 300;

/**
 * `pregnancyDate` is the due date, or the day of filing when none was given
 * (registration/entity.ts): then any birth from that day to ~10 months later
 * fits; with a due date the birth must fall within 45 days of it.
 */
export function pregnancyMatchesBirth(
  registration: { pregnancyDate: string; filedOn: string },
  birthDate: string,
): boolean {
  const offset = daysBetween(registration.pregnancyDate, birthDate);
  if (Number.isNaN(offset)) return false;
  if (registration.pregnancyDate === registration.filedOn)
    return offset >= 0 && offset <= registeredAheadDays;
  return Math.abs(offset) <= dueDateToleranceDays;
}
