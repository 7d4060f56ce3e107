import {
  addDays,
  checkParents,
  daysApart,
  type ErrorDetail,
  jiangxiProvinceCode,
  type RegistrationRequest,
  type ReviewReason,
} from '@hongjia/shared';

/**
 * The registration rules that need no store: what is malformed (400, the
 * user fixes it) and what only a reviewer can decide (pending_review with
 * reasons). The split is decision 0008: a typo is the user's to fix, an
 * inconsistency with the records is the reviewer's to judge.
 */

/** Same pregnancy: expected due dates closer than this (SPEC C2). */
export const duplicateWindowDays = 180;
/** A due date further ahead than a pregnancy lasts is a typo. */
const maxDaysUntilDue = 300;

/** Facts derived from a well-formed request: the parents' birth dates and the mother's ID region. */
export interface RequestFacts {
  motherBirthDate: string;
  fatherBirthDate: string;
  motherRegionCode: string;
}

/** Malformed input → details under `body.`; well-formed → the derived facts. */
export function requestProblems(
  body: RegistrationRequest,
  today: string,
): { ok: true; facts: RequestFacts } | { ok: false; details: ErrorDetail[] } {
  const parents = checkParents(body, today);
  const details: ErrorDetail[] = parents.ok
    ? []
    : parents.problems.map((problem) => ({ path: `body.${problem.path}`, message: problem.message }));
  body.existingChildren.forEach((child, index) => {
    if (child.birthDate > today) {
      details.push({
        path: `body.existingChildren.${index}.birthDate`,
        message: '孩子的出生日期不能晚于今天',
      });
    }
  });
  if (body.expectedDueDate && body.expectedDueDate > addDays(today, maxDaysUntilDue)) {
    details.push({ path: 'body.expectedDueDate', message: '预产期不应晚于 300 天之后，请核对' });
  }
  if (!parents.ok || details.length) return { ok: false, details };
  return {
    ok: true,
    facts: {
      motherBirthDate: parents.mother.birthDate,
      fatherBirthDate: parents.father.birthDate,
      motherRegionCode: parents.mother.regionCode,
    },
  };
}

/** Another registration found by the mother's hash (same mother) or by the parents' birth dates. */
export interface RelatedRegistration {
  registrationId: string;
  receiptNo: string;
  status: 'checking' | 'approved' | 'pending_review' | 'returned' | 'rejected' | 'voided';
  parity: number;
  pregnancyDate: string;
  motherName: string;
  fatherName: string;
}

export interface CheckInput {
  kind: RegistrationRequest['kind'];
  parity: number;
  existingChildren: number;
  motherName: string;
  fatherName: string;
  motherRegionCode: string;
  pregnancyDate: string;
}

/** Names compared without spaces and middle dots; one character apart counts as the same name. */
export function nearlySameName(a: string, b: string): boolean {
  const clean = (name: string) => Array.from(name.replace(/[\s·•.]/g, ''));
  return editDistanceAtMostOne(clean(a), clean(b));
}

function editDistanceAtMostOne(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Every reason automation cannot decide, each naming what it found. Empty →
 * the registration may be approved at once (subject to the pregnancy guard).
 * `sameMother`: the mother's other registrations (one indexed Query);
 * `sameBirthDates`: other couples' registrations with the same parents' birth dates.
 */
export function reviewReasons(
  input: CheckInput,
  sameMother: readonly RelatedRegistration[],
  sameBirthDates: readonly RelatedRegistration[],
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (input.kind === 'reapproval') {
    reasons.push({ code: 'REAPPROVAL_NEEDS_REVIEW', message: '再生育审批申请须由工作人员审核' });
  } else if (input.parity > 3) {
    reasons.push({
      code: 'PARITY_BEYOND_POLICY',
      message: `第 ${input.parity} 孩超出生育登记范围，须人工审核`,
    });
  }
  if (input.parity !== input.existingChildren + 1) {
    reasons.push({
      code: 'PARITY_MISMATCH',
      message: `申报孩次为第 ${input.parity} 孩，但填写的现有子女为 ${input.existingChildren} 个`,
    });
  }
  if (input.motherRegionCode.slice(0, 2) !== jiangxiProvinceCode) {
    reasons.push({
      code: 'ID_REGION_OUTSIDE_PROVINCE',
      message: '母亲身份证号的地区码不属于江西省，请核实户籍迁入情况',
    });
  }
  const named = new Set<string>();
  // A rejected filing or a voided approval holds no pregnancy (decision 0011).
  const active = (other: RelatedRegistration) => other.status !== 'rejected' && other.status !== 'voided';
  const close = (other: RelatedRegistration) =>
    daysApart(other.pregnancyDate, input.pregnancyDate) <= duplicateWindowDays;
  for (const other of sameMother.filter(active)) {
    if (close(other)) {
      named.add(other.registrationId);
      reasons.push({
        code: 'SUSPECTED_DUPLICATE',
        message: `同一母亲已有登记 ${other.receiptNo}，预产期相差不足 ${duplicateWindowDays} 天，疑似同一次妊娠`,
        relatedRegistrationId: other.registrationId,
      });
    } else if (other.status === 'approved' && other.parity >= input.parity) {
      named.add(other.registrationId);
      reasons.push({
        code: 'PARITY_RECORD_CONFLICT',
        message: `记录显示该母亲已有第 ${other.parity} 孩的登记 ${other.receiptNo}，与申报孩次不符`,
        relatedRegistrationId: other.registrationId,
      });
    }
  }
  for (const other of sameBirthDates.filter(active)) {
    if (named.has(other.registrationId) || !close(other)) continue;
    if (
      nearlySameName(other.motherName, input.motherName) &&
      nearlySameName(other.fatherName, input.fatherName)
    ) {
      named.add(other.registrationId);
      reasons.push({
        code: 'SUSPECTED_DUPLICATE',
        message: `登记 ${other.receiptNo} 的父母姓名与出生日期几乎相同，疑似重复登记`,
        relatedRegistrationId: other.registrationId,
      });
    }
  }
  return reasons;
}
