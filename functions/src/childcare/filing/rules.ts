import {
  type AgeClass,
  ageClassRules,
  caregiversNeeded,
  type ErrorDetail,
  type InstitutionFiling,
  isValidCreditCode,
  type SlotInput,
} from '@hongjia/shared';

/**
 * The filing checks of the 托育机构设置标准 that zod cannot express: the
 * credit code's GB 32100 check character, one class per age class, each
 * class within its maximum and staffed at its caregiver ratio.
 */
export function filingProblems(filing: InstitutionFiling): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isValidCreditCode(filing.creditCode)) {
    problems.push({
      path: 'body.creditCode',
      message: '统一社会信用代码不正确：应为 18 位，末位校验码须符合 GB 32100',
    });
  }
  const seen = new Set<AgeClass>();
  filing.classes.forEach((offer, index) => {
    const rule = ageClassRules[offer.ageClass];
    const at = `body.classes.${index}`;
    if (seen.has(offer.ageClass)) {
      problems.push({ path: `${at}.ageClass`, message: `${rule.name}重复填写，每类班级只填一次` });
    }
    seen.add(offer.ageClass);
    if (offer.capacity > rule.maxChildren) {
      problems.push({ path: `${at}.capacity`, message: `${rule.name}每班最多 ${rule.maxChildren} 人` });
    }
    const needed = caregiversNeeded(offer.ageClass, offer.capacity);
    if (offer.caregivers < needed) {
      problems.push({
        path: `${at}.caregivers`,
        message: `${rule.name} ${offer.capacity} 人至少需要 ${needed} 名保育人员（1:${rule.childrenPerCaregiver}）`,
      });
    }
  });
  return problems;
}

/** A slot must be for a class the institution offers, within that class's filed size, on a future date. */
export function slotProblems(
  classes: readonly { ageClass: AgeClass; capacity: number }[],
  input: SlotInput,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const rule = ageClassRules[input.ageClass];
  const offer = classes.find((c) => c.ageClass === input.ageClass);
  if (!offer) {
    problems.push({ path: 'body.ageClass', message: `本机构未备案${rule.name}，不能发布该班级的托位` });
  } else {
    const max = Math.min(offer.capacity, rule.maxChildren);
    if (input.capacity > max) {
      problems.push({
        path: 'body.capacity',
        message: `${rule.name}名额不能超过 ${max} 人（备案班额与标准上限）`,
      });
    }
  }
  if (input.date <= today) problems.push({ path: 'body.date', message: '只能发布明天及以后的托位' });
  return problems;
}
