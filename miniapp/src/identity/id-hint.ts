import { CalendarDate, type IdNumberFacts, idNumberProblemMessages, parseIdNumber } from '@hongjia/shared';

/**
 * The live check under an ID number field, for anyone's number (实名认证, a child's for 育儿补贴):
 * nothing while empty, how many characters are missing while typing, a wrong birth date as soon
 * as it is typed, then the shared GB 11643 rule (parseIdNumber, as the server applies it).
 */
export function idNumberHint(raw: string, today: string): string | undefined {
  const value = raw.trim().toUpperCase();
  if (value === '') return undefined;
  if (!/^\d{0,17}[\dX]?$/.test(value) || (value.length < 18 && value.endsWith('X'))) {
    return idNumberProblemMessages.format;
  }
  if (value.length >= 14) {
    const date = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
    if (!CalendarDate.safeParse(date).success || date < '1900-01-01')
      return idNumberProblemMessages.birth_date;
    if (date > today) return idNumberProblemMessages.birth_date_in_future;
  }
  if (value.length < 18) return `还差 ${18 - value.length} 位（共 18 位）`;
  const result = parseIdNumber(value, today);
  return result.ok ? undefined : idNumberProblemMessages[result.problem];
}

/** Facts of a complete, valid number; undefined while it is incomplete or wrong. */
export function idNumberFacts(raw: string, today: string): IdNumberFacts | undefined {
  const result = parseIdNumber(raw, today);
  return result.ok ? result.facts : undefined;
}
