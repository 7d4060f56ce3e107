import { addDays, chinaDate, type DistrictCode, idNumberCheckCharacter } from '@hongjia/shared';

/**
 * Helpers the seed files share for their demo people: deterministic, valid
 * (GB 11643) ID numbers and calendar days relative to the seeding moment.
 */

/** Region + birth date + two serial digits + a sex digit of the right parity + check character. */
export function seedIdNumber(
  district: DistrictCode,
  birthDate: string,
  serial: number,
  sex: 'M' | 'F',
): string {
  const digit = sex === 'F' ? (serial * 2) % 10 : (serial * 2 + 1) % 10;
  const first17 = `${district}${birthDate.replaceAll('-', '')}${String(serial % 100).padStart(2, '0')}${digit}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

/** The Nanchang calendar day `days` from `now` (YYYY-MM-DD). */
export function seedDay(now: Date, days = 0): string {
  return addDays(chinaDate(now), days);
}
