import {
  CalendarDate,
  type DistrictCode,
  MobilePhone,
  PersonName,
  type SpecialFamilyKind,
  type SpecialFamilyRequest,
} from '@hongjia/shared';
import { splitApiError } from '../../../api/field-errors';
import { idNumberIssue } from '../../../registration/id-check';
import {
  checkHelper,
  emptyHelper,
  type HelperDraft,
  type HelperKey,
  helperKeys,
  helperSpecs,
  isBlank,
} from './helpers';
import { memberRoleNames } from './labels';

/** 建立特殊家庭档案 as typed: every box is text until the request is built. */
export type MemberRole = 'father' | 'mother';
export const memberRoles: readonly MemberRole[] = ['mother', 'father'];

export interface MemberDraft {
  include: boolean;
  name: string;
  idNumber: string;
  phone: string;
  retiredOn: string;
}

export interface FamilyDraft {
  kind?: SpecialFamilyKind;
  district?: DistrictCode;
  hukouType?: 'urban' | 'rural';
  mother: MemberDraft;
  father: MemberDraft;
  childEventDate: string;
  helpers: Record<HelperKey, HelperDraft>;
}

/** Errors keyed by form path: `mother.idNumber`, `contactPerson.phone`, `kind`… */
export type FormErrors = Record<string, string>;

const emptyMember = (): MemberDraft => ({ include: true, name: '', idNumber: '', phone: '', retiredOn: '' });

export function emptyFamilyDraft(district?: DistrictCode): FamilyDraft {
  return {
    district,
    mother: emptyMember(),
    father: emptyMember(),
    childEventDate: '',
    helpers: {
      contactPerson: emptyHelper('contactPerson'),
      familyDoctor: emptyHelper('familyDoctor'),
      greenChannel: emptyHelper('greenChannel'),
    },
  };
}

function firstIssue(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

function dateIssue(value: string, today: string, what: string): string | undefined {
  if (value === '') return `请填写${what}`;
  return firstIssue(CalendarDate.safeParse(value)) ?? (value > today ? `${what}不能晚于今天` : undefined);
}

function memberErrors(role: MemberRole, m: MemberDraft, today: string): FormErrors {
  const errors: FormErrors = {};
  const who = memberRoleNames[role];
  const name = firstIssue(PersonName.safeParse(m.name));
  if (name) errors[`${role}.name`] = name;
  const id =
    m.idNumber.trim() === ''
      ? `请填写${who}的身份证号`
      : idNumberIssue(m.idNumber, role === 'mother' ? 'F' : 'M', who, today);
  if (id) errors[`${role}.idNumber`] = id;
  const phone = firstIssue(MobilePhone.safeParse(m.phone.trim()));
  if (phone) errors[`${role}.phone`] = phone;
  const retired = m.retiredOn.trim();
  if (retired !== '') {
    const issue = firstIssue(CalendarDate.safeParse(retired));
    if (issue) errors[`${role}.retiredOn`] = issue;
  }
  return errors;
}

/** Every rule the server applies that can be checked here (the shared schemas and GB 11643). */
export function validateFamily(d: FamilyDraft, today: string): FormErrors {
  const errors: FormErrors = {};
  if (!d.kind) errors.kind = '请选择家庭类别';
  if (!d.district) errors.district = '请选择县区';
  if (!d.hukouType) errors.hukouType = '请选择户籍类型';
  const included = memberRoles.filter((r) => d[r].include);
  if (included.length === 0) errors.members = '至少登记父母中的一人';
  for (const role of included) Object.assign(errors, memberErrors(role, d[role], today));
  const event = dateIssue(d.childEventDate.trim(), today, '子女死亡或伤残认定日期');
  if (event) errors.childEventDate = event;
  for (const key of helperKeys) {
    if (isBlank(d.helpers[key])) continue;
    for (const [field, message] of Object.entries(checkHelper(key, d.helpers[key]).errors)) {
      errors[`${key}.${field}`] = message;
    }
  }
  return errors;
}

/** The request of a draft that passed validateFamily; blank helpers and retirement dates left out. */
export function toFamilyRequest(d: FamilyDraft): SpecialFamilyRequest {
  const members = memberRoles
    .filter((r) => d[r].include)
    .map((role) => {
      const m = d[role];
      const retiredOn = m.retiredOn.trim();
      return {
        role,
        name: m.name.trim(),
        idNumber: m.idNumber.trim().toUpperCase(),
        phone: m.phone.trim(),
        ...(retiredOn ? { retiredOn } : {}),
      };
    });
  const request: SpecialFamilyRequest = {
    kind: d.kind ?? 'bereaved',
    district: d.district ?? '360102',
    hukouType: d.hukouType ?? 'urban',
    members,
    childEventDate: d.childEventDate.trim(),
  };
  for (const key of helperKeys) {
    if (isBlank(d.helpers[key])) continue;
    const { value } = checkHelper(key, d.helpers[key]);
    if (value) Object.assign(request, { [helperSpecs[key].requestKey]: value });
  }
  return request;
}

const formFields = new Set([
  'kind',
  'district',
  'hukouType',
  'members',
  'childEventDate',
  ...memberRoles.flatMap((r) => ['name', 'idNumber', 'phone', 'retiredOn'].map((f) => `${r}.${f}`)),
  ...helperKeys.flatMap((k) => helperSpecs[k].fields.map((f) => `${k}.${f.key}`)),
]);

/**
 * The server's error details → the form's paths: `body.members.1.idNumber` names the member by
 * its place in the request sent, `greenChannelHospital.*` is the green-channel form.
 */
export function mapFamilyErrors(
  message: string,
  details: ReadonlyArray<{ path: string; message: string }>,
  sent: { members: ReadonlyArray<{ role: MemberRole }> },
): { fields: FormErrors; banner?: string } {
  return splitApiError({ message, details: [...details] }, (raw) => {
    let path = raw.replace(/^body\./, '');
    const member = /^members\.(\d+)\.(.+)$/.exec(path);
    if (member) {
      const role = sent.members[Number(member[1])]?.role;
      if (role) path = `${role}.${member[2]}`;
    }
    path = path.replace(/^greenChannelHospital\./, 'greenChannel.');
    return formFields.has(path) ? path : undefined;
  });
}
