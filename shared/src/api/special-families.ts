import * as z from 'zod';
import { schoolStages } from '../benefits/policies';
import { CalendarDate, MobilePhone } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';
import { IdNumberInput, PersonName } from './identity';

/**
 * 计划生育特殊家庭 records (SPEC C3, §3): kept by the staff of the family's
 * district (city staff: all). The most sensitive data in the system: names,
 * ID numbers and phones are sealed at rest, lists show masked names only, and
 * every staff read is written to an audit log the family can see.
 */
export const SpecialFamilyKind = z.enum(['bereaved', 'disabled'], {
  error: '家庭类别应为 bereaved（失独）或 disabled（伤残）',
});
export type SpecialFamilyKind = z.infer<typeof SpecialFamilyKind>;
export const HukouTypeSchema = z.enum(['urban', 'rural'], {
  error: '户籍类型应为 urban（城镇）或 rural（农村）',
});

export const FamilyMemberInput = z.object({
  name: PersonName,
  idNumber: IdNumberInput,
  phone: MobilePhone,
  role: z.enum(['father', 'mother'], { error: '成员身份应为 father 或 mother' }),
  /** Retirement date, for 城镇独生子女父母奖励. */
  retiredOn: CalendarDate.optional(),
});
export type FamilyMemberInput = z.infer<typeof FamilyMemberInput>;

/**
 * Children on record, for the rules engine (living children, children born or
 * adopted since the event). Optional: without it the only child is implied by
 * `kind` (bereaved: died; disabled: living) with no birth date.
 */
export const FamilyChildInput = z.object({
  birthDate: CalendarDate.optional(),
  sex: z.enum(['M', 'F']).optional(),
  alive: z.boolean(),
  adopted: z.boolean().default(false),
  adoptedOn: CalendarDate.optional(),
  /** 阳光助学: the stage the child studies at, checked by staff against a 在读证明 (decision 0033). */
  schoolStage: z
    .enum(schoolStages, { error: '在读学段应为 preschool、compulsory、high_school 或 university' })
    .optional(),
  /** 优秀女孩成才奖: the admission date on the 录取通知书. */
  universityAdmittedOn: CalendarDate.optional(),
});

/**
 * 重大疾病综合商业保险 cover bought for the family (decision 0033). The policy
 * number is sealed at rest and shown masked (to staff and to the family).
 */
export const CriticalIllnessCoverInput = z
  .object({
    insurer: z.string().trim().min(2, '请填写承保公司').max(60),
    policyNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, '保单号应为 6–40 位字母、数字或连字符'),
    from: CalendarDate,
    to: CalendarDate,
  })
  .refine((c) => c.to >= c.from, { path: ['to'], message: '保险止期不能早于起期' });
export const CriticalIllnessCoverView = z.object({
  insurer: z.string(),
  policyNumberMasked: z.string(),
  from: z.string(),
  to: z.string(),
  /** The period includes today (Asia/Shanghai). */
  current: z.boolean(),
});
export type CriticalIllnessCoverView = z.infer<typeof CriticalIllnessCoverView>;

/** Facts the named policies need, recorded by staff from the family's 参保凭证 (decision 0033). */
const enrolmentFacts = {
  medicalInsuranceEnrolledOn: CalendarDate.describe('城乡居民医保 enrolled since (医疗保险补助)'),
  ruralPensionEnrolledOn: CalendarDate.describe('城乡居民养老保险 enrolled since (新农保补助)'),
};

export const ContactPersonInput = z.object({
  name: PersonName,
  phone: MobilePhone,
  /** The contact person's staff account, so requests reach them and they can act as proxy. */
  userId: z.string().min(1).max(64).optional(),
});
export const FamilyDoctorInput = z.object({
  name: PersonName,
  phone: MobilePhone,
  institution: z.string().trim().min(2).max(60),
  signedOn: CalendarDate,
});
export const GreenChannelInput = z.object({
  hospital: z.string().trim().min(2, '请填写医院名称').max(60),
  phone: MobilePhone.optional(),
});

export const SpecialFamilyRequest = z
  .object({
    kind: SpecialFamilyKind,
    district: DistrictCodeSchema,
    hukouType: HukouTypeSchema,
    members: z.array(FamilyMemberInput).min(1, '至少登记一位家庭成员').max(2, '最多登记父母两人'),
    childEventDate: CalendarDate.describe('Date the only child died or the disability was certified'),
    children: z.array(FamilyChildInput).max(9).optional(),
    contactPerson: ContactPersonInput.optional(),
    familyDoctor: FamilyDoctorInput.optional(),
    /** SPEC names it greenChannelHospital: the hospital of the family's medical green channel. */
    greenChannelHospital: GreenChannelInput.optional(),
    medicalInsuranceEnrolledOn: enrolmentFacts.medicalInsuranceEnrolledOn.optional(),
    ruralPensionEnrolledOn: enrolmentFacts.ruralPensionEnrolledOn.optional(),
    criticalIllnessCover: CriticalIllnessCoverInput.optional(),
  })
  .refine((f) => new Set(f.members.map((m) => m.role)).size === f.members.length, {
    path: ['members'],
    message: '父亲、母亲各只能登记一人',
  });
export type SpecialFamilyRequest = z.infer<typeof SpecialFamilyRequest>;

/** Partial update under an optimistic lock; `null` clears a field (e.g. a doctor who left). */
export const SpecialFamilyUpdate = z.object({
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
  hukouType: HukouTypeSchema.optional(),
  childEventDate: CalendarDate.optional(),
  children: z.array(FamilyChildInput).max(9).optional(),
  members: z
    .array(
      z.object({
        role: z.enum(['father', 'mother']),
        phone: MobilePhone.optional(),
        retiredOn: CalendarDate.nullable().optional(),
      }),
    )
    .max(2)
    .optional(),
  contactPerson: ContactPersonInput.nullable().optional(),
  familyDoctor: FamilyDoctorInput.nullable().optional(),
  greenChannelHospital: GreenChannelInput.nullable().optional(),
  medicalInsuranceEnrolledOn: enrolmentFacts.medicalInsuranceEnrolledOn.nullable().optional(),
  ruralPensionEnrolledOn: enrolmentFacts.ruralPensionEnrolledOn.nullable().optional(),
  criticalIllnessCover: CriticalIllnessCoverInput.nullable().optional(),
});
export type SpecialFamilyUpdate = z.infer<typeof SpecialFamilyUpdate>;

const ContactPersonView = z.object({ name: z.string(), phone: z.string(), userId: z.string().optional() });
const FamilyDoctorView = z.object({
  name: z.string(),
  phone: z.string(),
  institution: z.string(),
  signedOn: z.string(),
});
const GreenChannelView = z.object({ hospital: z.string(), phone: z.string().optional() });

export const SpecialFamilySummary = z.object({
  id: z.string(),
  /** 张** / 李**: surnames only in lists. */
  membersMasked: z.array(z.object({ role: z.enum(['father', 'mother']), nameMasked: z.string() })),
  kind: SpecialFamilyKind,
  district: DistrictCodeSchema,
  hukouType: HukouTypeSchema,
  hasContactPerson: z.boolean(),
  hasFamilyDoctor: z.boolean(),
  hasGreenChannel: z.boolean(),
  /** Members who have bound their WeChat account by real name. */
  boundMembers: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type SpecialFamilySummary = z.infer<typeof SpecialFamilySummary>;

/** The staff detail view: whole phones (staff call them), masked ID numbers. Each read is audited. */
export const SpecialFamilyView = SpecialFamilySummary.extend({
  members: z.array(
    z.object({
      role: z.enum(['father', 'mother']),
      name: z.string(),
      idNumberMasked: z.string(),
      phone: z.string(),
      birthDate: z.string(),
      age: z.number().int(),
      retiredOn: z.string().optional(),
      bound: z.boolean(),
    }),
  ),
  childEventDate: z.string(),
  children: z.array(FamilyChildInput),
  contactPerson: ContactPersonView.optional(),
  familyDoctor: FamilyDoctorView.optional(),
  greenChannelHospital: GreenChannelView.optional(),
  proxyConsent: z
    .object({
      contactName: z.string(),
      grantedByRole: z.enum(['father', 'mother']),
      grantedAt: z.iso.datetime(),
    })
    .optional(),
  medicalInsuranceEnrolledOn: z.string().optional(),
  ruralPensionEnrolledOn: z.string().optional(),
  criticalIllnessCover: CriticalIllnessCoverView.optional(),
  createdAt: z.iso.datetime(),
});
export type SpecialFamilyView = z.infer<typeof SpecialFamilyView>;

export const StaffSpecialFamiliesQuery = ListQuery.extend({
  district: DistrictCodeSchema.optional(),
  lacking: z.enum(['contactPerson', 'familyDoctor', 'greenChannel']).optional(),
});

export const CoverageQuery = z.object({ district: DistrictCodeSchema.optional() });

const CoverageFigures = z.object({
  families: z.number().int(),
  withContactPerson: z.number().int(),
  withFamilyDoctor: z.number().int(),
  withGreenChannel: z.number().int(),
  /** 0–1, rounded to 4 places; 1 when there are no families. */
  contactPersonShare: z.number(),
  familyDoctorShare: z.number(),
  greenChannelShare: z.number(),
  /** Families with all three (三个全覆盖). */
  fullyCovered: z.number().int(),
  /** Families with a 重大疾病综合商业保险 cover in force today (not part of 三个全覆盖). */
  withCriticalIllnessCover: z.number().int(),
  criticalIllnessCoverShare: z.number(),
});

const LackingFamily = z.object({ id: z.string(), district: DistrictCodeSchema, label: z.string() });

export const CoverageResponse = CoverageFigures.extend({
  district: DistrictCodeSchema.optional(),
  byDistrict: z.array(CoverageFigures.extend({ district: DistrictCodeSchema })),
  lacking: z.object({
    contactPerson: z.array(LackingFamily),
    familyDoctor: z.array(LackingFamily),
    greenChannel: z.array(LackingFamily),
    /** No cover, or the cover's period does not include today. */
    criticalIllnessCover: z.array(LackingFamily),
  }),
});
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** What a family sees about its own record: its helpers (to call), never the staff's notes. */
export const MySpecialFamily = z.object({
  id: z.string(),
  kind: SpecialFamilyKind,
  district: DistrictCodeSchema,
  role: z.enum(['father', 'mother']),
  contactPerson: ContactPersonView.omit({ userId: true }).optional(),
  familyDoctor: FamilyDoctorView.optional(),
  greenChannelHospital: GreenChannelView.optional(),
  proxyConsent: z.object({ contactName: z.string(), grantedAt: z.iso.datetime() }).optional(),
});
export type MySpecialFamily = z.infer<typeof MySpecialFamily>;

export const AuditAction = z.enum(['list', 'view', 'update', 'screening', 'enrol', 'proxy_request']);
export const RecordView = z.object({
  at: z.iso.datetime(),
  /** The office (e.g. 东湖区卫生健康委员会), never a personal name. */
  viewer: z.string(),
  action: AuditAction,
  actionLabel: z.string(),
});
export type RecordView = z.infer<typeof RecordView>;

export const ProxyConsentRequest = z.object({
  granted: z.boolean({ error: '请选择同意或撤回' }),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const createSpecialFamily = defineRoute({
  operationId: 'createSpecialFamily',
  method: 'POST',
  path: '/v1/staff/special-families',
  summary: '建立特殊家庭档案 Members matched to bound users by ID hash; 409 if a member is on another record',
  tag: 'special-families',
  access: ['staff'],
  owner: 'districtScope',
  body: SpecialFamilyRequest,
  response: SpecialFamilyView,
  successStatus: 201,
  idempotent: true,
});

export const staffSpecialFamilies = defineRoute({
  operationId: 'staffSpecialFamilies',
  method: 'GET',
  path: '/v1/staff/special-families',
  summary: '特殊家庭档案 Masked list of the jurisdiction (audited)',
  tag: 'special-families',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'specialFamily',
  query: StaffSpecialFamiliesQuery,
  response: pageOf(SpecialFamilySummary),
});

export const staffSpecialFamily = defineRoute({
  operationId: 'staffSpecialFamily',
  method: 'GET',
  path: '/v1/staff/special-families/{id}',
  summary: '档案详情 One record (audited: the family sees who viewed it)',
  tag: 'special-families',
  access: ['staff'],
  owner: 'district',
  auditsReads: 'specialFamily',
  params: IdParams,
  response: SpecialFamilyView,
});

export const updateSpecialFamily = defineRoute({
  operationId: 'updateSpecialFamily',
  method: 'PATCH',
  path: '/v1/staff/special-families/{id}',
  summary: '更新档案 Contact person, doctor, green channel, facts (expectedVersion; stale → 409)',
  tag: 'special-families',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: SpecialFamilyUpdate,
  response: SpecialFamilyView,
});

export const specialFamilyCoverage = defineRoute({
  operationId: 'specialFamilyCoverage',
  method: 'GET',
  path: '/v1/staff/special-families/coverage',
  summary:
    '三个全覆盖 Contact person, family doctor, green channel (and 重大疾病保险 cover): counts, shares, families lacking each',
  tag: 'special-families',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'specialFamily',
  query: CoverageQuery,
  response: CoverageResponse,
});

export const mySpecialFamily = defineRoute({
  operationId: 'mySpecialFamily',
  method: 'GET',
  path: '/v1/me/special-family',
  summary: '我的帮扶信息 Contact person, family doctor, green channel (404 when not a member)',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'self',
  response: MySpecialFamily,
  personalData: true,
});

export const myRecordViews = defineRoute({
  operationId: 'myRecordViews',
  method: 'GET',
  path: '/v1/me/special-family/views',
  summary: '谁查看了我的档案 Staff reads of the family’s record, newest first',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(RecordView),
  personalData: true,
});

export const setProxyConsent = defineRoute({
  operationId: 'setProxyConsent',
  method: 'POST',
  path: '/v1/me/special-family/proxy-consent',
  summary: '委托联系人代办 Grant or withdraw consent for the current contact person to act for the family',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'self',
  body: ProxyConsentRequest,
  response: MySpecialFamily,
  personalData: true,
});
