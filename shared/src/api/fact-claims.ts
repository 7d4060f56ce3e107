import * as z from 'zod';
import { schoolStages } from '../benefits/policies';
import { CalendarDate } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';
import { AttachmentLink } from './uploads';

/**
 * Family-supplied proof of a policy fact (decision 0039): a special family sends the dated
 * fact the named policies need (decision 0033) with its 在读证明, 录取通知书 or 参保凭证; staff of
 * its district approve (the fact is written onto the sealed record as staff write it) or
 * reject with a reason. The facts are special-family facts: sealed at rest like the record's.
 */
export const factClaimKinds = [
  'school_stage',
  'university_admission',
  'medical_insurance',
  'rural_pension',
] as const;
export type FactClaimKind = (typeof factClaimKinds)[number];

/** What each kind is called, what proof it takes and what the date means (the family page and staff list). */
export const factClaimKindInfo: Record<FactClaimKind, { name: string; proof: string; dateLabel: string }> = {
  school_stage: { name: '子女在读学段', proof: '在读证明（学校盖章）', dateLabel: '证明开具日期' },
  university_admission: { name: '女儿考入大学', proof: '录取通知书', dateLabel: '录取日期' },
  medical_insurance: { name: '城乡居民医保参保', proof: '参保凭证或缴费记录', dateLabel: '参保日期' },
  rural_pension: { name: '城乡居民养老保险参保', proof: '参保凭证或缴费记录', dateLabel: '参保日期' },
};

export const childFactKinds: readonly FactClaimKind[] = ['school_stage', 'university_admission'];

export const FactClaimInput = z
  .object({
    kind: z.enum(factClaimKinds, {
      error: '事项应为 school_stage、university_admission、medical_insurance 或 rural_pension',
    }),
    /** The dated value: 证明开具日期 / 录取日期 / 参保日期 (factClaimKindInfo). */
    date: CalendarDate,
    /** Which child (its birth date, as on the record); school stage and admission only. */
    childBirthDate: CalendarDate.optional(),
    schoolStage: z
      .enum(schoolStages, { error: '在读学段应为 preschool、compulsory、high_school 或 university' })
      .optional(),
    attachmentIds: z
      .array(z.string().min(1).max(64))
      .min(1, '请上传证明材料')
      .max(5, '最多 5 个附件')
      .describe('Uploads of the caller (POST /v1/uploads): jpg, png or pdf'),
    note: z.string().trim().max(300, '说明过长').optional(),
  })
  .superRefine((value, ctx) => {
    const childKind = childFactKinds.includes(value.kind);
    if (childKind && !value.childBirthDate)
      ctx.addIssue({ code: 'custom', path: ['childBirthDate'], message: '请填写子女的生日' });
    if (value.kind === 'school_stage' && !value.schoolStage)
      ctx.addIssue({ code: 'custom', path: ['schoolStage'], message: '请选择子女在读学段' });
    if (!childKind && (value.childBirthDate || value.schoolStage))
      ctx.addIssue({ code: 'custom', path: ['kind'], message: '参保事项不需要填写子女信息' });
    if (value.kind !== 'school_stage' && value.schoolStage)
      ctx.addIssue({ code: 'custom', path: ['schoolStage'], message: '只有在读学段需要选择学段' });
  });
export type FactClaimInput = z.infer<typeof FactClaimInput>;

export const FactClaimStatus = z.enum(['pending_review', 'approved', 'rejected']);
export type FactClaimStatus = z.infer<typeof FactClaimStatus>;

export const FactClaim = z.object({
  id: z.string(),
  familyId: z.string(),
  district: DistrictCodeSchema,
  /** 失独家庭 张**、李** (staff lists); the family's own view says the same. */
  familyLabel: z.string(),
  kind: z.enum(factClaimKinds),
  date: z.string(),
  childBirthDate: z.string().optional(),
  schoolStage: z.enum(schoolStages).optional(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string() })),
  note: z.string().optional(),
  status: FactClaimStatus,
  reviewReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().optional(),
});
export type FactClaim = z.infer<typeof FactClaim>;

export const FactClaimDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或驳回' }),
    reason: z.string().trim().max(300, '理由过长').optional(),
  })
  .refine((value) => value.decision === 'approve' || (value.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: '驳回时请填写理由',
  });

export const StaffFactClaimsQuery = ListQuery.extend({
  status: FactClaimStatus.default('pending_review'),
  district: DistrictCodeSchema.optional(),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const submitFactClaim = defineRoute({
  operationId: 'submitFactClaim',
  method: 'POST',
  path: '/v1/me/special-family/fact-claims',
  summary: '提交证明材料 A fact the named policies need, with its proof, for district review',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'self',
  body: FactClaimInput,
  response: FactClaim,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const myFactClaims = defineRoute({
  operationId: 'myFactClaims',
  method: 'GET',
  path: '/v1/me/special-family/fact-claims',
  summary: '我提交的证明材料 The family’s claims and their review, newest first',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(FactClaim),
  personalData: true,
});

export const staffFactClaims = defineRoute({
  operationId: 'staffFactClaims',
  method: 'GET',
  path: '/v1/staff/fact-claims',
  summary: '证明材料审核 Claims of the caller’s jurisdiction by status (audited)',
  tag: 'special-families',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'specialFamily',
  query: StaffFactClaimsQuery,
  response: pageOf(FactClaim),
});

export const decideFactClaim = defineRoute({
  operationId: 'decideFactClaim',
  method: 'POST',
  path: '/v1/staff/fact-claims/{id}/decision',
  summary: '审核证明材料 Approve (the fact goes onto the record) or reject with a reason; once only',
  tag: 'special-families',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: FactClaimDecision,
  response: FactClaim,
  idempotent: true,
});

export const factClaimAttachment = defineRoute({
  operationId: 'factClaimAttachment',
  method: 'GET',
  path: '/v1/fact-claims/{id}/attachments/{uploadId}',
  summary: '查看证明材料 A short-lived link (the family that sent it; staff of its district, audited)',
  tag: 'special-families',
  access: 'signedIn',
  owner: 'familyOrDistrict',
  params: z.object({ id: z.string().min(1).max(64), uploadId: z.string().min(1).max(64) }),
  response: AttachmentLink,
  personalData: true,
});
