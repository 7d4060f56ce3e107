import * as z from 'zod';
import { inspectionResults, modelLevels } from '../childcare/programmes';
import { CalendarDate } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { AgeClassSchema, IdParams } from './childcare';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Childcare supervision (issue 15, decision 0034): 普惠托育 programme applications,
 * 示范机构, safety inspections (安全监管) and the known-operator list behind 登记备案率.
 */

const Yuan = z.number({ error: '请填写金额' }).min(0, '金额不能为负').max(50_000, '金额过大');
const AttachmentIds = z.array(z.string().min(1).max(64)).max(5, '最多 5 个附件').default([]);

export const AffordablePlaces = z.object({
  ageClass: AgeClassSchema,
  places: z.number({ error: '请填写普惠托位数' }).int('托位数必须是整数').min(0, '托位数不能为负'),
});

export const AffordableApplicationInput = z.object({
  feeCapYuan: Yuan.describe('普惠限价: the monthly fee the institution may charge at most'),
  places: z.array(AffordablePlaces).min(1, '请填写各班级的普惠托位数').max(3),
  attachmentIds: AttachmentIds.describe('Evidence (uploads of the caller: 收费公示, 场地证明 …)'),
  note: z.string().trim().max(500, '说明过长').optional(),
});
export type AffordableApplicationInput = z.infer<typeof AffordableApplicationInput>;

export const AffordableApplicationStatus = z.enum(['pending_review', 'approved', 'rejected']);

export const AffordableApplication = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  district: DistrictCodeSchema,
  feeCapYuan: z.number(),
  monthlyFeeYuan: z.number().describe('The institution’s fee when it applied'),
  places: z.array(AffordablePlaces),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string() })),
  note: z.string().optional(),
  status: AffordableApplicationStatus,
  reviewReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().optional(),
});
export type AffordableApplication = z.infer<typeof AffordableApplication>;

export const AffordableDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或驳回' }),
    reason: z.string().trim().max(500, '理由过长').optional(),
  })
  .refine((value) => value.decision === 'approve' || (value.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: '驳回时请填写理由',
  });

export const AffordableApplicationsQuery = ListQuery.extend({
  status: AffordableApplicationStatus.default('pending_review'),
  district: DistrictCodeSchema.optional(),
});

export const FeeChange = z.object({ monthlyFeeYuan: Yuan });

export const ModelDesignation = z.object({
  level: z.enum(modelLevels, { error: '级别应为 provincial（省级）或 municipal（市级）' }),
  year: z.number({ error: '请填写认定年度' }).int().min(2015, '年度不正确').max(2100, '年度不正确'),
});

export const InspectionInput = z
  .object({
    date: CalendarDate,
    inspector: z.string({ error: '请填写检查人' }).trim().min(2, '请填写检查人').max(60, '检查人过长'),
    result: z.enum(inspectionResults, {
      error: '结果应为 pass（合格）、rectify（限期整改）或 fail（不合格）',
    }),
    findings: z.string().trim().max(2000, '检查发现过长').default(''),
    rectifyBy: CalendarDate.optional().describe('整改期限; required unless the result is pass'),
  })
  .superRefine((value, ctx) => {
    if (value.result !== 'pass' && !value.rectifyBy) {
      ctx.addIssue({ code: 'custom', path: ['rectifyBy'], message: '限期整改或不合格须填写整改期限' });
    }
    if (value.result !== 'pass' && !value.findings) {
      ctx.addIssue({ code: 'custom', path: ['findings'], message: '请填写检查发现的问题' });
    }
    if (value.rectifyBy && value.rectifyBy < value.date) {
      ctx.addIssue({ code: 'custom', path: ['rectifyBy'], message: '整改期限不能早于检查日期' });
    }
  });
export type InspectionInput = z.infer<typeof InspectionInput>;

export const InspectionState = z.enum(['closed', 'awaiting_rectification', 'rectified']);

export const Inspection = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  district: DistrictCodeSchema,
  date: z.string(),
  inspector: z.string(),
  result: z.enum(inspectionResults),
  findings: z.string(),
  rectifyBy: z.string().optional(),
  state: InspectionState,
  rectification: z
    .object({
      note: z.string(),
      attachments: z.array(z.object({ id: z.string(), fileName: z.string() })),
      reportedAt: z.iso.datetime(),
    })
    .optional(),
  createdAt: z.iso.datetime(),
});
export type Inspection = z.infer<typeof Inspection>;

export const RectificationInput = z.object({
  note: z.string({ error: '请说明整改情况' }).trim().min(4, '请说明整改情况').max(2000, '说明过长'),
  attachmentIds: AttachmentIds,
});

export const OverdueQuery = ListQuery.extend({ district: DistrictCodeSchema.optional() });

export const OverdueRectification = Inspection.extend({ daysOverdue: z.number().int() });

export const KnownOperatorInput = z.object({
  district: DistrictCodeSchema.optional().describe(
    'Required for city staff; district staff add to their own',
  ),
  creditCode: z.string({ error: '请填写统一社会信用代码' }).trim().toUpperCase(),
  name: z.string({ error: '请填写机构名称' }).trim().min(2, '机构名称至少 2 个字').max(60, '机构名称过长'),
  address: z.string().trim().max(120, '地址过长').optional(),
});

export const KnownOperator = z.object({
  district: DistrictCodeSchema,
  creditCode: z.string(),
  name: z.string(),
  address: z.string().optional(),
  filed: z.boolean().describe('Whether a published filing holds this credit code'),
  addedAt: z.iso.datetime(),
});

export const KnownOperatorsQuery = ListQuery.extend({ district: DistrictCodeSchema.optional() });

/** The CSV itself (UTF-8, ≤ 200 KB, ≤ 2,000 rows): header 统一社会信用代码,机构名称,地址. */
export const KnownOperatorImport = z.object({
  district: DistrictCodeSchema.optional(),
  csv: z.string({ error: '请提供 CSV 内容' }).min(1, 'CSV 为空').max(200_000, 'CSV 过大（最多 200 KB）'),
});

export const KnownOperatorImportResult = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

const InspectionIdParams = z.object({ id: z.string().min(1).max(64) });

// ── routes ────────────────────────────────────────────────────────────────

export const applyAffordable = defineRoute({
  operationId: 'applyAffordable',
  method: 'POST',
  path: '/v1/provider/institutions/{id}/affordable-applications',
  summary: '普惠项目申报 Apply for 普惠 status (fee cap, affordable places per class, evidence)',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  params: IdParams,
  body: AffordableApplicationInput,
  response: AffordableApplication,
  successStatus: 201,
  idempotent: true,
});

export const providerAffordableApplications = defineRoute({
  operationId: 'providerAffordableApplications',
  method: 'GET',
  path: '/v1/provider/affordable-applications',
  summary: '我的普惠申报 The provider’s own applications',
  tag: 'provider',
  access: ['provider'],
  owner: 'self',
  query: ListQuery,
  response: pageOf(AffordableApplication),
});

export const changeInstitutionFee = defineRoute({
  operationId: 'changeInstitutionFee',
  method: 'POST',
  path: '/v1/provider/institutions/{id}/fee',
  summary: '收费变更备案 Change the monthly fee; a 普惠 institution stays within its cap (400)',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  params: IdParams,
  body: FeeChange,
  response: z.object({ id: z.string(), monthlyFeeYuan: z.number() }),
  idempotent: true,
});

export const providerInspections = defineRoute({
  operationId: 'providerInspections',
  method: 'GET',
  path: '/v1/provider/institutions/{id}/inspections',
  summary: '安全检查记录 Inspections of the provider’s institution, with findings',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  params: IdParams,
  response: z.object({ items: z.array(Inspection) }),
});

export const reportRectification = defineRoute({
  operationId: 'reportRectification',
  method: 'POST',
  path: '/v1/provider/inspections/{id}/rectification',
  summary: '整改报告 Report the rectification of an inspection’s findings (with attachments)',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  params: InspectionIdParams,
  body: RectificationInput,
  response: Inspection,
  idempotent: true,
});

export const staffAffordableApplications = defineRoute({
  operationId: 'staffAffordableApplications',
  method: 'GET',
  path: '/v1/staff/childcare/affordable-applications',
  summary: '普惠申报审核 Applications of the caller’s jurisdiction by status',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  query: AffordableApplicationsQuery,
  response: pageOf(AffordableApplication),
});

export const decideAffordableApplication = defineRoute({
  operationId: 'decideAffordableApplication',
  method: 'POST',
  path: '/v1/staff/childcare/affordable-applications/{id}/decision',
  summary: '审核普惠申报 Approve (places become affordable, fee capped) or reject with a reason; once only',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: AffordableDecision,
  response: AffordableApplication,
  idempotent: true,
});

export const designateModelInstitution = defineRoute({
  operationId: 'designateModelInstitution',
  method: 'POST',
  path: '/v1/staff/childcare/institutions/{id}/model',
  summary: '认定示范机构 City staff designate a model institution (省级/市级, year)',
  tag: 'staff',
  access: ['staff'],
  // City staff only: district staff 403 whatever the institution's district (nothing revealed).
  owner: 'city',
  params: IdParams,
  body: ModelDesignation,
  response: z.object({ id: z.string(), level: z.enum(modelLevels), year: z.number().int() }),
  idempotent: true,
});

export const withdrawModelInstitution = defineRoute({
  operationId: 'withdrawModelInstitution',
  method: 'POST',
  path: '/v1/staff/childcare/institutions/{id}/model/withdraw',
  summary: '撤销示范机构 City staff withdraw a designation',
  tag: 'staff',
  access: ['staff'],
  // City staff only: district staff 403 whatever the institution's district (nothing revealed).
  owner: 'city',
  params: IdParams,
  response: z.object({ id: z.string(), withdrawn: z.literal(true) }),
  idempotent: true,
});

export const recordInspection = defineRoute({
  operationId: 'recordInspection',
  method: 'POST',
  path: '/v1/staff/childcare/institutions/{id}/inspections',
  summary: '记录安全检查 Record an inspection (date, inspector, result, findings, rectification deadline)',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: InspectionInput,
  response: Inspection,
  successStatus: 201,
  idempotent: true,
});

export const staffInstitutionInspections = defineRoute({
  operationId: 'staffInstitutionInspections',
  method: 'GET',
  path: '/v1/staff/childcare/institutions/{id}/inspections',
  summary: '机构检查记录 An institution’s inspections (its district’s staff, city staff)',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  response: z.object({ items: z.array(Inspection) }),
});

export const overdueRectifications = defineRoute({
  operationId: 'overdueRectifications',
  method: 'GET',
  path: '/v1/staff/childcare/inspections/overdue',
  summary: '逾期未整改 Rectifications past their deadline, per district',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  query: OverdueQuery,
  response: pageOf(OverdueRectification),
});

export const knownOperators = defineRoute({
  operationId: 'knownOperators',
  method: 'GET',
  path: '/v1/staff/childcare/operators',
  summary: '托育机构底册 The district’s known childcare operators, each with whether it filed',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  query: KnownOperatorsQuery,
  response: pageOf(KnownOperator),
});

export const addKnownOperator = defineRoute({
  operationId: 'addKnownOperator',
  method: 'POST',
  path: '/v1/staff/childcare/operators',
  summary: '添加底册机构 Add a known operator (by credit code; adding it again changes nothing)',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  body: KnownOperatorInput,
  response: KnownOperator,
  successStatus: 201,
  idempotent: true,
});

export const importKnownOperators = defineRoute({
  operationId: 'importKnownOperators',
  method: 'POST',
  path: '/v1/staff/childcare/operators/imports',
  summary: '导入底册 Import known operators from CSV (header check, row errors)',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  body: KnownOperatorImport,
  response: KnownOperatorImportResult,
  idempotent: true,
});
