import { CalendarDate, type SchoolStage, type SpecialFamilyView } from '@hongjia/shared';

/**
 * The four facts the named policies need (decision 0033) as staff type them on the record form:
 * a child's school stage (在读证明) and university admission (录取通知书), and the family's
 * 城乡居民医保 and 城乡居民养老保险 enrolment dates (参保凭证). Text until the request is built;
 * an empty box is "not recorded" (未登记), never "no".
 */
export interface ChildFactsDraft {
  birthDate: string;
  sex?: 'M' | 'F';
  alive: boolean;
  /** Kept as on the record (this form does not edit adoption). */
  adopted: boolean;
  adoptedOn?: string;
  /** '' = 未登记. */
  schoolStage: SchoolStage | '';
  universityAdmittedOn: string;
}

export interface PolicyFactsDraft {
  /** The children on record (the create form offers one). */
  children: ChildFactsDraft[];
  medicalInsuranceEnrolledOn: string;
  ruralPensionEnrolledOn: string;
}

export const emptyChild = (alive = true): ChildFactsDraft => ({
  birthDate: '',
  alive,
  adopted: false,
  schoolStage: '',
  universityAdmittedOn: '',
});

export const emptyPolicyFacts = (): PolicyFactsDraft => ({
  children: [],
  medicalInsuranceEnrolledOn: '',
  ruralPensionEnrolledOn: '',
});

/** The record's facts as a draft, to edit them in place on 档案详情. */
export function policyFactsFrom(
  view: Pick<SpecialFamilyView, 'children' | 'medicalInsuranceEnrolledOn' | 'ruralPensionEnrolledOn'>,
): PolicyFactsDraft {
  return {
    children: view.children.map((c) => ({
      birthDate: c.birthDate ?? '',
      ...(c.sex ? { sex: c.sex } : {}),
      alive: c.alive,
      adopted: c.adopted,
      ...(c.adoptedOn ? { adoptedOn: c.adoptedOn } : {}),
      schoolStage: c.schoolStage ?? '',
      universityAdmittedOn: c.universityAdmittedOn ?? '',
    })),
    medicalInsuranceEnrolledOn: view.medicalInsuranceEnrolledOn ?? '',
    ruralPensionEnrolledOn: view.ruralPensionEnrolledOn ?? '',
  };
}

function dateIssue(value: string, today: string, what: string, allowFuture = false): string | undefined {
  if (value.trim() === '') return undefined;
  const parsed = CalendarDate.safeParse(value.trim());
  if (!parsed.success) return parsed.error.issues[0]?.message ?? `${what}格式应为 YYYY-MM-DD`;
  return !allowFuture && value.trim() > today ? `${what}不能晚于今天` : undefined;
}

/** Errors keyed `children.N.field`, `medicalInsuranceEnrolledOn`, `ruralPensionEnrolledOn`. */
export function validatePolicyFacts(d: PolicyFactsDraft, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  d.children.forEach((c, i) => {
    const birth = dateIssue(c.birthDate, today, '子女出生日期');
    if (birth) errors[`children.${i}.birthDate`] = birth;
    const admitted = dateIssue(c.universityAdmittedOn, today, '录取日期', true);
    if (admitted) errors[`children.${i}.universityAdmittedOn`] = admitted;
    if (!admitted && c.universityAdmittedOn.trim() && c.sex !== 'F')
      errors[`children.${i}.universityAdmittedOn`] = '优秀女孩成才奖只看女儿的录取日期，请先选择性别为女';
  });
  for (const [key, what] of [
    ['medicalInsuranceEnrolledOn', '医保参保日期'],
    ['ruralPensionEnrolledOn', '养老保险参保日期'],
  ] as const) {
    const issue = dateIssue(d[key], today, what, true);
    if (issue) errors[key] = issue;
  }
  return errors;
}

/** The children as the request takes them (blank boxes left out). */
export function childrenRequest(d: PolicyFactsDraft) {
  return d.children.map((c) => ({
    ...(c.birthDate.trim() ? { birthDate: c.birthDate.trim() } : {}),
    ...(c.sex ? { sex: c.sex } : {}),
    alive: c.alive,
    adopted: c.adopted,
    ...(c.adoptedOn ? { adoptedOn: c.adoptedOn } : {}),
    ...(c.schoolStage ? { schoolStage: c.schoolStage } : {}),
    ...(c.universityAdmittedOn.trim() ? { universityAdmittedOn: c.universityAdmittedOn.trim() } : {}),
  }));
}

/** For 建立档案: only what was typed (no children list means the child implied by the kind). */
export function policyFactsRequest(d: PolicyFactsDraft) {
  return {
    ...(d.children.length ? { children: childrenRequest(d) } : {}),
    ...(d.medicalInsuranceEnrolledOn.trim()
      ? { medicalInsuranceEnrolledOn: d.medicalInsuranceEnrolledOn.trim() }
      : {}),
    ...(d.ruralPensionEnrolledOn.trim() ? { ruralPensionEnrolledOn: d.ruralPensionEnrolledOn.trim() } : {}),
  };
}

/** For 保存 on 档案详情: the whole set, an emptied enrolment date cleared (`null`). */
export function policyFactsUpdate(d: PolicyFactsDraft) {
  return {
    children: childrenRequest(d),
    medicalInsuranceEnrolledOn: d.medicalInsuranceEnrolledOn.trim() || null,
    ruralPensionEnrolledOn: d.ruralPensionEnrolledOn.trim() || null,
  };
}
