import { BirthBundleRequest, type DistrictCode } from '@hongjia/shared';
import type { z } from 'zod';
import type { Sex } from '../registration/draft';
import type { ItemKind } from './labels';

export interface BundleDraft {
  medicalCertificateNo: string;
  childName: string;
  childSex?: Sex;
  childBirthDate: string;
  birthWeightG: string;
  hospital: string;
  householdDistrict?: DistrictCode;
  items: ItemKind[];
  consent: boolean;
  registrationId?: string;
}

export type BundleBody = z.infer<typeof BirthBundleRequest>;

/** Maps the contract's issue paths to the form's field ids (child.name → childName). */
const fieldOfPath: Record<string, string> = {
  medicalCertificateNo: 'medicalCertificateNo',
  'child.name': 'childName',
  'child.sex': 'childSex',
  'child.birthDate': 'childBirthDate',
  'child.birthWeightG': 'birthWeightG',
  'child.hospital': 'hospital',
  householdDistrict: 'householdDistrict',
  items: 'items',
};

export function bundleField(path: string): string | undefined {
  return fieldOfPath[path.replace(/^body\./, '')];
}

/** The contract's schema plus what it cannot know (today); returns the body when clean. */
export function checkBundle(
  d: BundleDraft,
  today: string,
): { errors: Record<string, string>; body?: BundleBody } {
  const weight = d.birthWeightG.trim();
  const candidate = {
    ...(d.registrationId ? { registrationId: d.registrationId } : {}),
    medicalCertificateNo: d.medicalCertificateNo.trim().toUpperCase(),
    child: {
      name: d.childName.trim(),
      sex: d.childSex,
      birthDate: d.childBirthDate.trim(),
      ...(weight ? { birthWeightG: /^\d+$/.test(weight) ? Number(weight) : Number.NaN } : {}),
      hospital: d.hospital.trim(),
    },
    householdDistrict: d.householdDistrict,
    items: d.items,
    // The guardian's switch covers every item chosen; 育儿补贴 records it on the bundle (decision 0035).
    ...(d.consent && d.items.includes('childcare_subsidy') ? { childcareSubsidyConsent: true as const } : {}),
  };
  const errors: Record<string, string> = {};
  const parsed = BirthBundleRequest.safeParse(candidate);
  for (const issue of parsed.error?.issues ?? []) {
    const field = bundleField(issue.path.join('.'));
    if (field && !errors[field]) errors[field] = friendly(field, issue.message);
  }
  if (!errors.childBirthDate && candidate.child.birthDate > today)
    errors.childBirthDate = '出生日期不能晚于今天';
  if (d.items.length === 0) errors.items = '请至少选择一项';
  if (!d.consent) errors.consent = '请确认您是孩子的监护人并同意提交';
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { errors, body: parsed.data };
}

/** zod's generic messages (too small, invalid enum) said the way a parent understands. */
function friendly(field: string, message: string): string {
  switch (field) {
    case 'childSex':
      return '请选择孩子性别';
    case 'birthWeightG':
      return '出生体重应为 300–7000 克的整数';
    case 'hospital':
      return '请填写出生医院（至少 2 个字）';
    case 'householdDistrict':
      return '请选择落户的县区';
    case 'childName':
      return message.startsWith('请') ? message : '请填写孩子姓名';
    default:
      return message;
  }
}
