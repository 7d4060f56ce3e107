import { ageInYears } from './id-number';

/** 民法典 第1047条: legal marriage age is 22 for men and 20 for women. */
export const legalMarriageAge = { M: 22, F: 20 } as const;

export function hadLegalMarriageAge(sex: 'M' | 'F', birthDate: string, marriageDate: string): boolean {
  return ageInYears(birthDate, marriageDate) >= legalMarriageAge[sex];
}
