import * as z from 'zod';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Conflicts go to a person, never to the first filer (decision 0013). A second
 * 育儿补贴 application for a child by another applicant, a second 出生一件事 for
 * a birth certificate by another family, a second filing of a credit code by
 * another provider: each is recorded and put before the responsible staff as a
 * conflict, both sides side by side (masked), with what the system holds as
 * evidence. The later filer gets the same answer as any filer; staff choose
 * which side stands: the other is voided and its claim released.
 */
export const ConflictKind = z.enum(['childcare_subsidy', 'birth_bundle', 'credit_code']);
export type ConflictKind = z.infer<typeof ConflictKind>;

export const ConflictStatus = z.enum(['open', 'resolved']);
export type ConflictStatus = z.infer<typeof ConflictStatus>;

/** `first`: the record that held the claim; `second`: the later filing. */
export const ConflictSideName = z.enum(['first', 'second']);
export type ConflictSideName = z.infer<typeof ConflictSideName>;

/** Where a side's record stands now (read live), in words the staff page maps to Chinese. */
export const ConflictSideStatus = z.enum([
  'pending_review',
  'approved',
  'published',
  'handing_off',
  'on_hold',
  'rejected',
  'voided',
]);
export type ConflictSideStatus = z.infer<typeof ConflictSideStatus>;

export const ConflictFact = z.object({ label: z.string(), value: z.string() });

export const ConflictSide = z.object({
  side: ConflictSideName,
  recordId: z.string(),
  /** The applicant (育儿补贴, 出生一件事) or the provider account (备案), masked. */
  applicantNameMasked: z.string(),
  filedAt: z.iso.datetime(),
  status: ConflictSideStatus,
  /** What the side filed, masked (child, birth date, district; institution name and address). */
  facts: z.array(ConflictFact),
  /** What the system holds that supports this side, e.g. a registration naming the applicant as a parent. */
  evidence: z.array(z.string()),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

export const ConflictView = z.object({
  id: z.string(),
  kind: ConflictKind,
  /** The responsible district: the first side's (the child's household, the bundle's, the institution's). */
  district: DistrictCodeSchema,
  status: ConflictStatus,
  /** What both sides claim, masked: the child's ID number, the certificate number, the credit code. */
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sides: z.tuple([ConflictSide, ConflictSide]),
  resolution: z
    .object({
      standing: ConflictSideName,
      resolvedAt: z.iso.datetime(),
      /** The office (never a person). */
      resolvedBy: z.string(),
      comment: z.string(),
    })
    .optional(),
  version: z.number().int(),
});
export type ConflictView = z.infer<typeof ConflictView>;

export const StaffConflictsQuery = ListQuery.extend({
  status: ConflictStatus.default('open'),
  district: DistrictCodeSchema.optional(),
});

export const ConflictResolution = z.object({
  standing: ConflictSideName.describe('The side that stands; the other is voided'),
  comment: z
    .string({ error: '请填写核对意见' })
    .trim()
    .min(1, '请填写核对意见')
    .max(500, '意见过长')
    .describe('Why, for the record (the families are told in neutral words, not this)'),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});
export type ConflictResolution = z.infer<typeof ConflictResolution>;

const IdParams = z.object({ id: z.string().min(1).max(64) });
const listSummary = 'Conflicts of the jurisdiction with both sides and the evidence, oldest first';
const resolveSummary =
  'Choose the side that stands; the other is voided and its claim released (expectedVersion; once)';

// One pair of routes per kind, each in the function group that owns the records it voids.
export const staffSubsidyConflicts = defineRoute({
  operationId: 'staffSubsidyConflicts',
  method: 'GET',
  path: '/v1/staff/conflicts/childcare-subsidies',
  summary: `育儿补贴申请冲突 ${listSummary}`,
  tag: 'subsidies',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'conflict',
  query: StaffConflictsQuery,
  response: pageOf(ConflictView),
});

export const resolveSubsidyConflict = defineRoute({
  operationId: 'resolveSubsidyConflict',
  method: 'POST',
  path: '/v1/staff/conflicts/childcare-subsidies/{id}/resolve',
  summary: `核对育儿补贴申请冲突 ${resolveSummary}`,
  tag: 'subsidies',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: ConflictResolution,
  response: ConflictView,
});

export const staffBundleConflicts = defineRoute({
  operationId: 'staffBundleConflicts',
  method: 'GET',
  path: '/v1/staff/conflicts/birth-bundles',
  summary: `出生一件事冲突 ${listSummary}`,
  tag: 'registration',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'conflict',
  query: StaffConflictsQuery,
  response: pageOf(ConflictView),
});

export const resolveBundleConflict = defineRoute({
  operationId: 'resolveBundleConflict',
  method: 'POST',
  path: '/v1/staff/conflicts/birth-bundles/{id}/resolve',
  summary: `核对出生一件事冲突 ${resolveSummary}`,
  tag: 'registration',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: ConflictResolution,
  response: ConflictView,
});

export const staffFilingConflicts = defineRoute({
  operationId: 'staffFilingConflicts',
  method: 'GET',
  path: '/v1/staff/conflicts/filings',
  summary: `机构备案冲突（统一社会信用代码） ${listSummary}`,
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'conflict',
  query: StaffConflictsQuery,
  response: pageOf(ConflictView),
});

export const resolveFilingConflict = defineRoute({
  operationId: 'resolveFilingConflict',
  method: 'POST',
  path: '/v1/staff/conflicts/filings/{id}/resolve',
  summary: `核对机构备案冲突 ${resolveSummary}`,
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: ConflictResolution,
  response: ConflictView,
});
