/**
 * 公民身份号码 (resident ID number), GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and a
 * check character (ISO 7064 MOD 11-2). Pure: the caller passes "today".
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** Province-level prefixes of GB/T 2260 (mainland, plus 71 Taiwan, 81 Hong Kong, 82 Macao). */
const provinces = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'birth_date_in_future' | 'check_character';

export interface IdNumberFacts {
  regionCode: string;
  birthDate: string;
  sex: 'M' | 'F';
}

export type IdNumberResult = { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem };

export const idNumberProblemMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可以是数字或 X',
  region: '身份证号的地区码不正确',
  birth_date: '身份证号中的出生日期不存在',
  birth_date_in_future: '身份证号中的出生日期晚于今天',
  check_character: '身份证号校验位不正确，请核对后重新输入',
};

export function idNumberCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return checkCharacters.charAt(sum % 11);
}

/** Checks an ID number and derives region, birth date and sex from it. `today` is YYYY-MM-DD. */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  if (!provinces.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== birthDate ||
    birthDate < '1900-01-01'
  ) {
    return { ok: false, problem: 'birth_date' };
  }
  if (birthDate > today) return { ok: false, problem: 'birth_date_in_future' };
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber.charAt(17)) {
    return { ok: false, problem: 'check_character' };
  }
  const sex = Number(idNumber.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, facts: { regionCode: idNumber.slice(0, 6), birthDate, sex } };
}

/** Whole years from `birthDate` to `onDate` (YYYY-MM-DD); a birthday on 29 Feb counts from 1 Mar. */
export function ageInYears(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
