import { ContactPersonInput, FamilyDoctorInput, GreenChannelInput } from '@hongjia/shared';
import type { z } from 'zod';

/**
 * The three helpers of 三个全覆盖 as small forms, described once for the create form and the
 * detail page's edit forms: fields, why we ask, and the shared schema the server applies.
 */
export type HelperKey = 'contactPerson' | 'familyDoctor' | 'greenChannel';
export const helperKeys: readonly HelperKey[] = ['contactPerson', 'familyDoctor', 'greenChannel'];

export interface HelperField {
  key: string;
  label: string;
  kind: 'text' | 'phone' | 'date';
  optional?: boolean;
  why?: string;
  /** How the record shows a value that means nothing to read (an account id). */
  shownAs?: string;
}

export interface HelperSpec {
  title: string;
  /** The property of the request and of the view (SPEC names the third greenChannelHospital). */
  requestKey: 'contactPerson' | 'familyDoctor' | 'greenChannelHospital';
  fields: HelperField[];
  schema: z.ZodType;
}

export const helperSpecs: Record<HelperKey, HelperSpec> = {
  contactPerson: {
    title: '联系人',
    requestKey: 'contactPerson',
    schema: ContactPersonInput,
    fields: [
      { key: 'name', label: '联系人姓名', kind: 'text' },
      { key: 'phone', label: '联系人手机号', kind: 'phone', why: '家庭一键拨打，求助时通知联系人' },
      {
        key: 'userId',
        label: '联系人的工作账号（选填）',
        kind: 'text',
        optional: true,
        shownAs: '已关联，求助直接送达联系人',
        why: '填写后求助直接送达联系人本人，经家庭同意后联系人可以代为办理',
      },
    ],
  },
  familyDoctor: {
    title: '签约家庭医生',
    requestKey: 'familyDoctor',
    schema: FamilyDoctorInput,
    fields: [
      { key: 'name', label: '医生姓名', kind: 'text' },
      { key: 'phone', label: '医生手机号', kind: 'phone' },
      { key: 'institution', label: '所在医疗机构', kind: 'text' },
      { key: 'signedOn', label: '签约日期', kind: 'date' },
    ],
  },
  greenChannel: {
    title: '就医绿色通道',
    requestKey: 'greenChannelHospital',
    schema: GreenChannelInput,
    fields: [
      { key: 'hospital', label: '绿色通道医院', kind: 'text' },
      { key: 'phone', label: '医院联系电话（选填）', kind: 'phone', optional: true },
    ],
  },
};

export type HelperDraft = Record<string, string>;

export function emptyHelper(key: HelperKey): HelperDraft {
  return Object.fromEntries(helperSpecs[key].fields.map((f) => [f.key, '']));
}

/** A draft from what the record holds now (for 修改), every field as text. */
export function helperDraftFrom(key: HelperKey, value: object | undefined): HelperDraft {
  const draft = emptyHelper(key);
  if (!value) return draft;
  for (const field of helperSpecs[key].fields) {
    const v = (value as Record<string, unknown>)[field.key];
    if (typeof v === 'string') draft[field.key] = v;
  }
  return draft;
}

export function isBlank(draft: HelperDraft): boolean {
  return Object.values(draft).every((v) => v.trim() === '');
}

/**
 * Checks a helper draft with the shared schema. Blank optional fields are left out; errors are
 * keyed by field (name, phone…).
 */
export function checkHelper(
  key: HelperKey,
  draft: HelperDraft,
): { value?: Record<string, string>; errors: Record<string, string> } {
  const body: Record<string, string> = {};
  for (const field of helperSpecs[key].fields) {
    const v = (draft[field.key] ?? '').trim();
    if (v !== '' || !field.optional) body[field.key] = v;
  }
  const parsed = helperSpecs[key].schema.safeParse(body);
  if (parsed.success) return { value: parsed.data as Record<string, string>, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!errors[field]) errors[field] = blankMessage(key, field, body[field]) ?? issue.message;
  }
  return { errors };
}

/** zod's "too short" reads oddly for an empty box: say what to fill in instead. */
function blankMessage(key: HelperKey, field: string, value: string | undefined): string | undefined {
  if (value !== '') return undefined;
  const spec = helperSpecs[key].fields.find((f) => f.key === field);
  return spec ? `请填写${spec.label}` : undefined;
}
