import {
  CalendarDate,
  hadLegalMarriageAge,
  legalMarriageAge,
  ParentInput,
  type RegistrationRequest,
} from '@hongjia/shared';
import { addDays } from '@hongjia/shared/calendar/days';
import { splitApiError } from '../api/field-errors';
import type { ParentDraft, RegistrationDraft } from './draft';
import { idFacts, idNumberIssue } from './id-check';

/** The six steps of 生育登记, in order. */
export const steps = [
  { key: 'kind', title: '申请类型与孩次' },
  { key: 'mother', title: '母亲信息' },
  { key: 'father', title: '父亲信息' },
  { key: 'family', title: '婚姻与子女' },
  { key: 'attachments', title: '附件' },
  { key: 'confirm', title: '确认提交' },
] as const;
export type StepKey = (typeof steps)[number]['key'];

/** Errors keyed by the request's field paths (mother.idNumber), the same paths the API reports. */
export type DraftErrors = Record<string, string>;

/** Ordinary registration covers the 1st to 3rd child (SPEC C2); beyond that is 再生育审批. */
export const maxOrdinaryParity = 3;

function parentErrors(role: 'mother' | 'father', p: ParentDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  const who = role === 'mother' ? '母亲' : '父亲';
  const name = ParentInput.shape.name.safeParse(p.name);
  if (!name.success) errors[`${role}.name`] = name.error.issues[0]?.message ?? '请填写姓名';
  const idIssue =
    p.idNumber.trim() === ''
      ? '请填写身份证号'
      : idNumberIssue(p.idNumber, role === 'mother' ? 'F' : 'M', who, today);
  if (idIssue) errors[`${role}.idNumber`] = idIssue;
  const phone = ParentInput.shape.phone.safeParse(p.phone.trim());
  if (!phone.success) errors[`${role}.phone`] = phone.error.issues[0]?.message ?? '请填写手机号';
  if (!p.hukouDistrict) errors[`${role}.hukouDistrict`] = `请选择${who}的户籍所在县区`;
  return errors;
}

function dateIssue(value: string): string | undefined {
  const parsed = CalendarDate.safeParse(value.trim());
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? '日期格式应为 YYYY-MM-DD');
}

function familyErrors(d: RegistrationDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  const marriage = d.marriageDate.trim();
  const marriageIssue = marriage === '' ? '请填写结婚登记日期' : dateIssue(marriage);
  if (marriageIssue) errors.marriageDate = marriageIssue;
  else if (marriage > today) errors.marriageDate = '结婚日期不能晚于今天';
  else {
    // 民法典 第1047条 (the shared rule): each parent had the legal age on the marriage date.
    const problems: string[] = [];
    for (const [who, parent, sex] of [
      ['母亲', d.mother, 'F'],
      ['父亲', d.father, 'M'],
    ] as const) {
      const facts = idFacts(parent.idNumber, today);
      if (facts && !hadLegalMarriageAge(sex, facts.birthDate, marriage)) {
        problems.push(`${who}未满 ${legalMarriageAge[sex]} 周岁`);
      }
    }
    if (problems.length) {
      errors.marriageDate = `按身份证号计算，结婚时${problems.join('、')}（法定婚龄），请核对结婚日期`;
    }
  }
  d.existingChildren.forEach((c, i) => {
    if (c.name.trim() === '') errors[`existingChildren.${i}.name`] = '请填写孩子姓名';
    const birthIssue = c.birthDate.trim() === '' ? '请填写出生日期' : dateIssue(c.birthDate);
    if (birthIssue) errors[`existingChildren.${i}.birthDate`] = birthIssue;
    else if (c.birthDate > today) errors[`existingChildren.${i}.birthDate`] = '出生日期不能晚于今天';
    if (!c.sex) errors[`existingChildren.${i}.sex`] = '请选择性别';
  });
  if (d.existingChildren.length > 9) errors.existingChildren = '已有子女最多填写 9 个';
  const due = d.expectedDueDate.trim();
  if (due !== '') {
    const dueIssue = dateIssue(due);
    if (dueIssue) errors.expectedDueDate = dueIssue;
    // A pregnancy lasts about 40 weeks: a due date further out is a typo.
    else if (due > addDays(today, 300)) errors.expectedDueDate = '预产期应在今后 10 个月内';
    else if (due < addDays(today, -365)) errors.expectedDueDate = '预产期不能早于一年前';
  }
  return errors;
}

/** The errors of one step, with the shared rules the server applies. */
export function validateStep(step: StepKey, d: RegistrationDraft, today: string): DraftErrors {
  switch (step) {
    case 'kind': {
      const errors: DraftErrors = {};
      if (!Number.isInteger(d.parity) || d.parity < 1 || d.parity > 10) errors.parity = '请选择孩次';
      else if (d.kind === 'registration' && d.parity > maxOrdinaryParity) {
        errors.parity = `生育登记适用于第 1 至第 ${maxOrdinaryParity} 个孩子，第 ${d.parity} 个孩子请选择“再生育审批”`;
      }
      if (d.kind === 'reapproval' && d.reason.trim().length < 5) {
        errors.reason = '请用几句话说明申请再生育审批的原因（至少 5 个字）';
      }
      if (d.reason.length > 1000) errors.reason = '说明过长（最多 1000 字）';
      return errors;
    }
    case 'mother':
      return parentErrors('mother', d.mother, today);
    case 'father':
      return parentErrors('father', d.father, today);
    case 'family':
      return familyErrors(d, today);
    case 'attachments':
      return d.attachments.length > 10 ? { attachmentIds: '附件最多 10 个' } : {};
    case 'confirm': {
      const errors = validateAll(d, today);
      if (!d.consent) errors.consent = '请确认信息真实并同意提交';
      return errors;
    }
  }
}

/** Every step but the confirmation's own consent. */
export function validateAll(d: RegistrationDraft, today: string): DraftErrors {
  return steps
    .filter((s) => s.key !== 'confirm')
    .reduce<DraftErrors>((all, s) => Object.assign(all, validateStep(s.key, d, today)), {});
}

/**
 * A hint, not an error: the parity should follow the children listed. Automation sends a
 * mismatch to a reviewer (SPEC C2), so the family may still submit (twins, a child who died).
 */
export function parityHint(d: RegistrationDraft): string | undefined {
  const expected = d.existingChildren.length + 1;
  if (d.parity === expected) return undefined;
  return `已填写 ${d.existingChildren.length} 个已有子女，本次通常是第 ${expected} 孩，您选择的是第 ${d.parity} 孩。可以提交，但需要工作人员人工核对。`;
}

/** Which step holds a field path, so an API error opens the step where it can be fixed. */
export function stepOfPath(path: string): StepKey | undefined {
  const field = path.replace(/^body\./, '');
  const head = field.split('.')[0] ?? '';
  if (['kind', 'parity', 'reason'].includes(head)) return 'kind';
  if (head === 'mother') return 'mother';
  if (head === 'father') return 'father';
  if (['marriageDate', 'existingChildren', 'expectedDueDate'].includes(head)) return 'family';
  if (head === 'attachmentIds') return 'attachments';
  return undefined;
}

function parentBody(p: ParentDraft): RegistrationRequest['mother'] {
  return {
    name: p.name.trim(),
    idNumber: p.idNumber.trim().toUpperCase(),
    phone: p.phone.trim(),
    // Only called after validation, which requires the district.
    hukouDistrict: p.hukouDistrict ?? '360102',
  };
}

/** The request body of a draft that passed validateAll. Empty optional fields are left out. */
export function toRequest(d: RegistrationDraft): RegistrationRequest {
  const reason = d.reason.trim();
  const due = d.expectedDueDate.trim();
  return {
    kind: d.kind,
    parity: d.parity,
    mother: parentBody(d.mother),
    father: parentBody(d.father),
    marriageDate: d.marriageDate.trim(),
    existingChildren: d.existingChildren.map((c) => ({
      name: c.name.trim(),
      birthDate: c.birthDate.trim(),
      sex: c.sex ?? 'F',
    })),
    ...(due ? { expectedDueDate: due } : {}),
    ...(reason ? { reason } : {}),
    ...(d.attachments.length ? { attachmentIds: d.attachments.map((a) => a.uploadId) } : {}),
  };
}

/** API error details → field errors (paths without `body.`) and a banner for the rest. */
export function mapApiDetails(
  message: string,
  details: ReadonlyArray<{ path: string; message: string }>,
): { fields: DraftErrors; banner?: string; step?: StepKey } {
  const split = splitApiError({ message, details: [...details] }, (path) => {
    const field = path.replace(/^body\./, '');
    return stepOfPath(field) ? field : undefined;
  });
  // The earliest step with a problem: the user fixes them in the order of the form.
  const step = steps.find((s) => Object.keys(split.fields).some((f) => stepOfPath(f) === s.key))?.key;
  return { ...split, step };
}
