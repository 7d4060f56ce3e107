import * as z from 'zod';
import { CalendarDate } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';
import { GuardianConsent } from './guardian-consent';
import { IdNumberInput, PersonName } from './identity';

/**
 * 育儿补贴 (SPEC C2): one application per child under 3, in the child's
 * household district; amount and months from the policy data
 * (computeChildcareSubsidy). Review by the district within 30 working days;
 * approved applications are renewed once a year.
 */
export const SubsidyStatus = z.enum(['pending_review', 'approved', 'rejected']);
export type SubsidyStatus = z.infer<typeof SubsidyStatus>;

export const SubsidyRequest = z.object({
  childName: PersonName,
  childIdNumber: IdNumberInput,
  childBirthDate: CalendarDate,
  hukouDistrict: DistrictCodeSchema,
  /** The child's data is collected only with this (PIPL art. 31); recorded on the application. */
  guardianConsent: GuardianConsent,
});
export type SubsidyRequest = z.infer<typeof SubsidyRequest>;

export const SubsidyYear = z.object({
  year: z.number().int(),
  months: z.number().int(),
  amountYuan: z.number(),
});

export const SubsidyView = z.object({
  id: z.string(),
  status: SubsidyStatus,
  months: z.number().int(),
  amountYuan: z.number(),
  byYear: z.array(SubsidyYear),
  firstMonth: z.string(),
  lastMonth: z.string(),
  childNameMasked: z.string(),
  childIdNumberMasked: z.string(),
  childBirthDate: z.string(),
  hukouDistrict: DistrictCodeSchema,
  applicantNameMasked: z.string(),
  submittedAt: z.iso.datetime(),
  /** 30 working days after submission (weekends and statutory holidays excluded). */
  reviewDueBy: z.string(),
  reviewedAt: z.iso.datetime().optional(),
  comment: z.string().optional(),
  /** The next yearly confirmation, for approved applications with months still to come. */
  renewalDueOn: z.string().optional(),
  payments: z.array(z.object({ year: z.number().int(), amountYuan: z.number(), paidAt: z.iso.datetime() })),
  version: z.number().int(),
});
export type SubsidyView = z.infer<typeof SubsidyView>;

export const SubsidyCreated = SubsidyView.pick({
  id: true,
  status: true,
  months: true,
  amountYuan: true,
  byYear: true,
  firstMonth: true,
  lastMonth: true,
  reviewDueBy: true,
});

export const StaffSubsidiesQuery = ListQuery.extend({
  status: SubsidyStatus.default('pending_review'),
  district: DistrictCodeSchema.optional(),
});

export const SubsidyReview = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或不予发放' }),
    comment: z.string().trim().max(500, '意见过长').optional(),
    expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
  })
  .refine((v) => v.decision === 'approve' || (v.comment?.length ?? 0) > 0, {
    path: ['comment'],
    message: '不予发放时请填写原因',
  });

/**
 * 登记发放: the district records that one year's entitlement was paid. The
 * amount must be that year's amount in the application's byYear (computed
 * from the policy data when it was filed); one payment per year; the current
 * year or an earlier one only (paid in arrears, never ahead).
 */
export const SubsidyPaymentRequest = z.object({
  year: z.number({ error: '请填写发放年度' }).int('发放年度应为整数').min(2000).max(2100),
  amountYuan: z.number({ error: '请填写发放金额' }).positive('发放金额应大于 0'),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});
export type SubsidyPaymentRequest = z.infer<typeof SubsidyPaymentRequest>;

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const applyChildcareSubsidy = defineRoute({
  operationId: 'applyChildcareSubsidy',
  method: 'POST',
  path: '/v1/childcare-subsidies',
  summary: '申领育儿补贴 One per child; months and amount computed from policy data (second → 409)',
  tag: 'subsidies',
  access: ['family'],
  owner: 'self',
  body: SubsidyRequest,
  response: SubsidyCreated,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const myChildcareSubsidies = defineRoute({
  operationId: 'myChildcareSubsidies',
  method: 'GET',
  path: '/v1/me/childcare-subsidies',
  summary: '我的育儿补贴 Applications with review, payments and renewal',
  tag: 'subsidies',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(SubsidyView),
  personalData: true,
});

export const renewChildcareSubsidy = defineRoute({
  operationId: 'renewChildcareSubsidy',
  method: 'POST',
  path: '/v1/me/childcare-subsidies/{id}/renew',
  summary: '年度确认 Confirm the child still qualifies for the coming year',
  tag: 'subsidies',
  access: ['family'],
  owner: 'family',
  params: IdParams,
  response: SubsidyView,
  personalData: true,
});

export const staffChildcareSubsidies = defineRoute({
  operationId: 'staffChildcareSubsidies',
  method: 'GET',
  path: '/v1/staff/childcare-subsidies',
  summary: '育儿补贴审核 Applications of the jurisdiction, oldest first',
  tag: 'subsidies',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'childcareSubsidy',
  query: StaffSubsidiesQuery,
  response: pageOf(SubsidyView),
});

export const reviewChildcareSubsidy = defineRoute({
  operationId: 'reviewChildcareSubsidy',
  method: 'POST',
  path: '/v1/staff/childcare-subsidies/{id}/review',
  summary: '审核育儿补贴 Approve or reject (expectedVersion; a second decision → 409)',
  tag: 'subsidies',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: SubsidyReview,
  response: SubsidyView,
});

export const recordSubsidyPayment = defineRoute({
  operationId: 'recordSubsidyPayment',
  method: 'POST',
  path: '/v1/staff/childcare-subsidies/{id}/payments',
  summary:
    '登记发放 One year of an approved application, at its computed amount (expectedVersion; a second payment of a year → 409 PAYMENT_EXISTS)',
  tag: 'subsidies',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: SubsidyPaymentRequest,
  response: SubsidyView,
  idempotent: true,
});
