import * as z from 'zod';
import { CalendarDate, mobilePattern } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Birth registration (生育登记) and re-approval (再生育审批), SPEC C2. The
 * jurisdiction is the mother's household district. Identity rules live in
 * shared/src/identity (GB 11643, legal marriage age) and run on both sides.
 */
export const RegistrationKind = z.enum(['registration', 'reapproval'], {
  error: '申请类型应为 registration（生育登记）或 reapproval（再生育审批）',
});
/** `voided`: an approval staff undid (filed in the wrong name, say); its certificate is revoked. */
export const RegistrationStatus = z.enum(['approved', 'pending_review', 'returned', 'rejected', 'voided']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;
export const Sex = z.enum(['M', 'F'], { error: '性别应为 M 或 F' });

export const ParentInput = z.object({
  name: z.string({ error: '请填写姓名' }).trim().min(2, '请填写姓名').max(30, '姓名过长'),
  idNumber: z
    .string({ error: '请填写身份证号' })
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '身份证号应为 18 位'),
  phone: z.string({ error: '请填写手机号' }).regex(mobilePattern, '请填写正确的 11 位手机号'),
  hukouDistrict: DistrictCodeSchema,
});
export type ParentInput = z.infer<typeof ParentInput>;

export const ExistingChildInput = z.object({
  name: z.string({ error: '请填写孩子姓名' }).trim().min(1).max(30),
  birthDate: CalendarDate,
  sex: Sex,
});

export const RegistrationRequest = z.object({
  kind: RegistrationKind,
  parity: z.number({ error: '请填写孩次' }).int().min(1, '孩次至少为 1').max(10),
  mother: ParentInput,
  father: ParentInput,
  marriageDate: CalendarDate,
  existingChildren: z.array(ExistingChildInput).max(9),
  expectedDueDate: CalendarDate.optional(),
  reason: z.string().trim().max(1000, '说明过长').optional(),
  attachmentIds: z.array(z.string().min(1).max(64)).max(10, '附件最多 10 个').optional(),
});
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

/**
 * Why automation could not decide; the reviewer sees each with its code. A
 * family sees a reason that points at another registration only when it is
 * a parent in that one too; otherwise one neutral `NEEDS_STAFF_CHECK` (no
 * id, receipt number or count of children of anyone else).
 */
export const ReviewReason = z.object({
  code: z
    .string()
    .describe('e.g. PARITY_MISMATCH, SUSPECTED_DUPLICATE, REAPPROVAL_NEEDS_REVIEW, NEEDS_STAFF_CHECK'),
  message: z.string(),
  relatedRegistrationId: z.string().optional(),
});
export type ReviewReason = z.infer<typeof ReviewReason>;

/** Staff only: the other case a reason names, side by side with the one under review. */
export const RelatedCase = z.object({
  id: z.string(),
  receiptNo: z.string(),
  kind: RegistrationKind,
  parity: z.number().int(),
  status: RegistrationStatus,
  jurisdiction: DistrictCodeSchema,
  mother: z.object({ nameMasked: z.string(), idNumberMasked: z.string() }),
  father: z.object({ nameMasked: z.string(), idNumberMasked: z.string() }),
  expectedDueDate: z.string().optional(),
  submittedAt: z.iso.datetime(),
});
export type RelatedCase = z.infer<typeof RelatedCase>;

export const RegistrationCreated = z.object({
  id: z.string(),
  receiptNo: z.string().describe('受理编号 shown to the family'),
  status: z.enum(['approved', 'pending_review']),
  reasons: z.array(ReviewReason).optional(),
  version: z.number().int(),
  certificateId: z.string().optional(),
});

export const StatusChange = z.object({
  status: RegistrationStatus,
  at: z.iso.datetime(),
  by: z.enum(['family', 'system', 'staff']),
  byName: z.string().optional().describe('Staff office name, never a personal name'),
  comment: z.string().optional(),
});

const ParentView = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  hukouDistrict: DistrictCodeSchema,
});

export const RegistrationView = z.object({
  id: z.string(),
  receiptNo: z.string(),
  kind: RegistrationKind,
  parity: z.number().int(),
  status: RegistrationStatus,
  version: z.number().int(),
  jurisdiction: DistrictCodeSchema,
  mother: ParentView,
  father: ParentView,
  marriageDate: z.string(),
  existingChildren: z.array(z.object({ name: z.string(), birthDate: z.string(), sex: Sex })),
  expectedDueDate: z.string().optional(),
  reason: z.string().optional(),
  attachments: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
  reasons: z.array(ReviewReason),
  /** Staff of the related case's district only: each registration a reason names. */
  relatedCases: z.array(RelatedCase).optional(),
  history: z.array(StatusChange),
  certificateId: z.string().optional(),
  submittedAt: z.iso.datetime(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const RegistrationSummary = RegistrationView.pick({
  id: true,
  receiptNo: true,
  kind: true,
  parity: true,
  status: true,
  version: true,
  jurisdiction: true,
  submittedAt: true,
  certificateId: true,
}).extend({ motherNameMasked: z.string() });

export const ReviewDecision = z
  .object({
    decision: z.enum(['approve', 'return', 'reject'], { error: '请选择通过、退回补正或不予登记' }),
    comment: z.string().trim().max(1000, '意见过长').optional(),
    expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
  })
  .refine((value) => value.decision === 'approve' || (value.comment?.length ?? 0) > 0, {
    path: ['comment'],
    message: '退回补正或不予登记时请填写意见',
  });

/** 作废 an approval made in error: the family is told the reason; the certificate stops verifying. */
export const VoidRequest = z.object({
  reason: z.string({ error: '请填写作废原因' }).trim().min(2, '请填写作废原因').max(500, '原因过长'),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});

export const ResubmitRequest = RegistrationRequest.extend({
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});

export const StaffRegistrationsQuery = ListQuery.extend({
  status: RegistrationStatus.default('pending_review'),
  district: DistrictCodeSchema.optional(),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const submitRegistration = defineRoute({
  operationId: 'submitRegistration',
  method: 'POST',
  path: '/v1/registrations',
  summary: '提交生育登记 Submit; clean cases are approved with a certificate in the same request (秒办)',
  tag: 'registration',
  access: ['family'],
  owner: 'self',
  body: RegistrationRequest,
  response: RegistrationCreated,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const myRegistrations = defineRoute({
  operationId: 'myRegistrations',
  method: 'GET',
  path: '/v1/me/registrations',
  summary: '我的登记 The family’s registrations',
  tag: 'registration',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(RegistrationSummary),
  personalData: true,
});

export const getRegistration = defineRoute({
  operationId: 'getRegistration',
  method: 'GET',
  path: '/v1/registrations/{id}',
  summary: '登记详情 With status history (the family; staff of the jurisdiction)',
  tag: 'registration',
  access: 'signedIn',
  owner: 'familyOrDistrict',
  auditsReads: 'registration',
  params: IdParams,
  response: RegistrationView,
  personalData: true,
});

export const resubmitRegistration = defineRoute({
  operationId: 'resubmitRegistration',
  method: 'POST',
  path: '/v1/registrations/{id}/resubmit',
  summary: '补正后重新提交 Resubmit after a return for correction',
  tag: 'registration',
  access: ['family'],
  owner: 'family',
  params: IdParams,
  body: ResubmitRequest,
  response: RegistrationCreated,
  personalData: true,
});

export const staffRegistrations = defineRoute({
  operationId: 'staffRegistrations',
  method: 'GET',
  path: '/v1/staff/registrations',
  summary: '审核队列 Registrations of the caller’s jurisdiction by status',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'registration',
  query: StaffRegistrationsQuery,
  response: pageOf(RegistrationSummary),
});

export const reviewRegistration = defineRoute({
  operationId: 'reviewRegistration',
  method: 'POST',
  path: '/v1/staff/registrations/{id}/review',
  summary: '审核 Approve, return for correction (补正) or reject; 409 on a stale expectedVersion',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: ReviewDecision,
  response: RegistrationView,
});

export const voidRegistration = defineRoute({
  operationId: 'voidRegistration',
  method: 'POST',
  path: '/v1/staff/registrations/{id}/void',
  summary:
    '作废 An approved registration (filed in the wrong name, say): certificate revoked, the pregnancy freed for the rightful filing; 409 on a stale expectedVersion',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: VoidRequest,
  response: RegistrationView,
  idempotent: true,
});
