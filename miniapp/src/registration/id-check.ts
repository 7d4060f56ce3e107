import type { IdNumberFacts } from '@hongjia/shared';
import { idNumberFacts, idNumberHint } from '../identity/id-hint';
import type { Sex } from './draft';

const sexNames: Record<Sex, string> = { M: '男', F: '女' };

/**
 * The live check under a parent's ID number field: the general check (identity/id-hint, GB
 * 11643 as the server applies it), then the sex the role requires. `sex` is what the role requires
 * (the mother F, the father M); `who` names the role in the message.
 */
export function idNumberIssue(raw: string, sex: Sex, who: string, today: string): string | undefined {
  const hint = idNumberHint(raw, today);
  if (hint !== undefined) return hint;
  const facts = idNumberFacts(raw, today);
  if (facts && facts.sex !== sex) {
    return `这个身份证号属于${sexNames[facts.sex]}性，${who}应为${sexNames[sex]}性：请核对是否填反了`;
  }
  return undefined;
}

/** Facts of a complete, valid number (for the marriage-age check and the confirmation line). */
export const idFacts = idNumberFacts;

/** 出生日期 1995-03-15 · 女 — shown under a valid number so the user sees what we read from it. */
export function describeFacts(facts: IdNumberFacts): string {
  return `出生日期 ${facts.birthDate} · ${sexNames[facts.sex]}`;
}
