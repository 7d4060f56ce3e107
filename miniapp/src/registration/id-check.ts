import { CalendarDate, type IdNumberFacts, idNumberProblemMessages, parseIdNumber } from '@hongjia/shared';
import type { Sex } from './draft';

const sexNames: Record<Sex, string> = { M: '男', F: '女' };

/**
 * The live check under an ID number field (GB 11643, the shared rule the server applies):
 * nothing while empty, how many characters are missing while typing, the birth date as soon as
 * it is typed, then check character and sex once complete. `sex` is what the role requires
 * (the mother F, the father M); `who` names the role in the message.
 */
export function idNumberIssue(raw: string, sex: Sex, who: string, today: string): string | undefined {
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
  if (!result.ok) return idNumberProblemMessages[result.problem];
  if (result.facts.sex !== sex) {
    return `这个身份证号属于${sexNames[result.facts.sex]}性，${who}应为${sexNames[sex]}性：请核对是否填反了`;
  }
  return undefined;
}

/** Facts of a complete, valid number (for the marriage-age check and the confirmation line). */
export function idFacts(raw: string, today: string): IdNumberFacts | undefined {
  const result = parseIdNumber(raw, today);
  return result.ok ? result.facts : undefined;
}

/** 出生日期 1995-03-15 · 女 — shown under a valid number so the user sees what we read from it. */
export function describeFacts(facts: IdNumberFacts): string {
  return `出生日期 ${facts.birthDate} · ${sexNames[facts.sex]}`;
}
