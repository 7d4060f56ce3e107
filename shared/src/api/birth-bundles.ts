import * as z from 'zod';
import { CalendarDate } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute } from './contract';
import { GuardianConsent } from './guardian-consent';
import { Sex } from './registration';

/**
 * 出生一件事: one application after the birth, fanned out to the agencies
 * (household registration, medical insurance, social security card,
 * vaccination record) through an outbox with retries; each item's status is
 * visible to the family.
 */
export const BundleItemKind = z.enum([
  'household_registration',
  'medical_insurance',
  'social_security_card',
  'vaccination_record',
  // Issue 15: Guangdong's nine items (decision 0035).
  'birth_certificate',
  'vaccination_certificate',
  'maternity_allowance',
  'maternity_medical',
  'childcare_subsidy',
]);
export type BundleItemKind = z.infer<typeof BundleItemKind>;
/** The nine items by their Chinese names, in the order the progress page lists them. */
export const bundleItemNames: Record<BundleItemKind, string> = {
  birth_certificate: '出生医学证明',
  vaccination_certificate: '预防接种证',
  vaccination_record: '预防接种建档',
  household_registration: '户口登记',
  medical_insurance: '城乡居民医保参保登记',
  social_security_card: '社保卡申领',
  maternity_allowance: '生育津贴',
  maternity_medical: '生育医疗费用',
  childcare_subsidy: '育儿补贴',
};
/**
 * `waiting`: 育儿补贴 waits for the household-registration item to return the child's ID
 * number (decision 0035); it counts no attempt while it waits.
 */
export const BundleItemStatus = z.enum(['queued', 'sending', 'accepted', 'retrying', 'failed', 'waiting']);

export const BirthBundleRequest = z
  .object({
    registrationId: z.string().min(1).max(64).optional(),
    medicalCertificateNo: z
      .string({ error: '请填写出生医学证明编号' })
      .trim()
      .regex(/^[A-Z]\d{9}$/, '出生医学证明编号应为 1 位字母加 9 位数字'),
    child: z.object({
      name: z.string({ error: '请填写孩子姓名' }).trim().min(1).max(30),
      sex: Sex,
      birthDate: CalendarDate,
      birthWeightG: z.number().int().min(300).max(7000).optional(),
      hospital: z.string().trim().min(2).max(60),
    }),
    householdDistrict: DistrictCodeSchema,
    items: z
      .array(BundleItemKind)
      .min(1)
      .max(9)
      .optional()
      .describe('Default: all nine (育儿补贴 only with childcareSubsidyConsent)'),
    /**
     * The guardian's consent to file 育儿补贴 from the bundle once the household registration
     * returns the child's ID number (PIPL art. 31); recorded on the bundle with its time.
     */
    childcareSubsidyConsent: GuardianConsent.optional(),
  })
  .refine((body) => !body.items?.includes('childcare_subsidy') || body.childcareSubsidyConsent === true, {
    message: '申请育儿补贴需要您作为监护人同意提供孩子的信息',
    path: ['childcareSubsidyConsent'],
  });

export const BirthBundleView = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  childNameMasked: z.string(),
  items: z.array(
    z.object({
      kind: BundleItemKind,
      status: BundleItemStatus,
      attempts: z.number().int(),
      agencyReference: z.string().optional(),
      lastError: z.string().optional(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  /** Staff's word after a person checked the bundle and it was not carried out (decision 0013). */
  notice: z.string().optional(),
});

export const submitBirthBundle = defineRoute({
  operationId: 'submitBirthBundle',
  method: 'POST',
  path: '/v1/birth-bundles',
  summary: '出生一件事 One application, handed to each agency through an outbox',
  tag: 'registration',
  access: ['family'],
  owner: 'self',
  body: BirthBundleRequest,
  response: BirthBundleView,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const getBirthBundle = defineRoute({
  operationId: 'getBirthBundle',
  method: 'GET',
  path: '/v1/birth-bundles/{id}',
  summary: '办理进度 Per-item status',
  tag: 'registration',
  access: 'signedIn',
  // The filing family's alone (staff meet a bundle only as a conflict): the matrix found it declared
  // familyOrDistrict, which the service never granted.
  owner: 'family',
  params: z.object({ id: z.string().min(1).max(64) }),
  response: BirthBundleView,
  personalData: true,
});
