import { type AgeClass, ageClassOn, ageClassRules, ageInMonths, type ErrorDetail } from '@hongjia/shared';
import type { PiiCipher } from '../../commons/pii';

/**
 * The child a booking is for, as the one-active-booking-per-child-per-slot
 * guard sees it: the account, name (whitespace-insensitive) and birth date
 * under the PII cipher's keyed hash, so the guard item carries no personal
 * data and cannot be confirmed by hashing guessed names and birth dates.
 * Scoped to the account (decision 0018): a child's name and birth date are no
 * secret, and another account typing them must not block the family's own
 * booking; one account's invented children are bounded by its quota instead.
 */
export function childGuardKey(
  cipher: Pick<PiiCipher, 'lookupHash'>,
  userId: string,
  slotId: string,
  childName: string,
  childBirthDate: string,
): string {
  const name = childName.replace(/\s+/g, '');
  return cipher
    .lookupHash(`${userId}\u0000${slotId}\u0000${name}\u0000${childBirthDate}`, 'child-slot')
    .slice(0, 32);
}

/** Why a child of this birth date cannot join `ageClass` on `slotDate`; undefined when it can. */
export function ageMismatch(
  ageClass: AgeClass,
  childBirthDate: string,
  slotDate: string,
): ErrorDetail | undefined {
  if (ageClassOn(childBirthDate, slotDate) === ageClass) return undefined;
  const rule = ageClassRules[ageClass];
  const months = ageInMonths(childBirthDate, slotDate);
  const age = months < 0 ? '尚未出生' : `${months} 个月`;
  return {
    path: 'body.childBirthDate',
    message: `孩子在 ${slotDate} 时${age}，${rule.name}只收 ${rule.minMonths}–${rule.maxMonthsExclusive} 个月的孩子`,
  };
}
