import { idNumberProblemMessages, parseIdNumber } from './id-number';
import { hadLegalMarriageAge, legalMarriageAge } from './marriage';

/**
 * The parents' identities as a registration states them, checked the same way
 * in the mini-program (live, as the user types) and on the server (400 with
 * field paths). These are facts a user must correct, not cases for a reviewer:
 * a wrong check character, a date that does not exist, a mother whose number
 * says male, a marriage below the legal age.
 */
export interface ParentIdentityInput {
  idNumber: string;
}

export interface IdentityProblem {
  /** Relative to the request body: `mother.idNumber`, `marriageDate`. */
  path: string;
  message: string;
}

export interface ParentFacts {
  birthDate: string;
  regionCode: string;
}

export type ParentsCheck =
  | { ok: true; mother: ParentFacts; father: ParentFacts }
  | { ok: false; problems: IdentityProblem[] };

const roles = {
  mother: { sex: 'F', label: '母亲', sexMessage: '母亲的身份证号显示为男性，请核对' },
  father: { sex: 'M', label: '父亲', sexMessage: '父亲的身份证号显示为女性，请核对' },
} as const;

/** `today` and `marriageDate` are YYYY-MM-DD (Asia/Shanghai calendar days). */
export function checkParents(
  input: { mother: ParentIdentityInput; father: ParentIdentityInput; marriageDate: string },
  today: string,
): ParentsCheck {
  const problems: IdentityProblem[] = [];
  const facts: Partial<Record<'mother' | 'father', ParentFacts>> = {};
  if (input.marriageDate > today) {
    problems.push({ path: 'marriageDate', message: '结婚日期不能晚于今天' });
  }
  for (const role of ['mother', 'father'] as const) {
    const rule = roles[role];
    const path = `${role}.idNumber`;
    const parsed = parseIdNumber(input[role].idNumber, today);
    if (!parsed.ok) {
      problems.push({ path, message: `${rule.label}${idNumberProblemMessages[parsed.problem]}` });
      continue;
    }
    if (parsed.facts.sex !== rule.sex) {
      problems.push({ path, message: rule.sexMessage });
      continue;
    }
    facts[role] = { birthDate: parsed.facts.birthDate, regionCode: parsed.facts.regionCode };
    if (
      input.marriageDate <= today &&
      !hadLegalMarriageAge(rule.sex, parsed.facts.birthDate, input.marriageDate)
    ) {
      problems.push({
        path: 'marriageDate',
        message: `结婚时${rule.label}未满法定婚龄（${legalMarriageAge[rule.sex]} 周岁），请核对结婚日期或身份证号`,
      });
    }
  }
  if (input.mother.idNumber.trim().toUpperCase() === input.father.idNumber.trim().toUpperCase()) {
    problems.push({ path: 'father.idNumber', message: '父母双方的身份证号不能相同' });
  }
  if (problems.length || !facts.mother || !facts.father) return { ok: false, problems };
  return { ok: true, mother: facts.mother, father: facts.father };
}

/** Jiangxi's province prefix in GB/T 2260; Nanchang is 3601. */
export const jiangxiProvinceCode = '36';
