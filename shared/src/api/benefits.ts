import * as z from 'zod';
import { amountBases, PolicyDefinition, policyKinds } from '../benefits/policies';
import { CalendarDate } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute } from './contract';
import { CriticalIllnessCoverView } from './special-families';

/**
 * Family benefits (SPEC C3): policies are data (shared/src/benefits), one
 * engine explains each yes and each no. Staff screen a district for eligible
 * families not yet enrolled (免申即享) and enrol them in bulk; admins correct
 * an amount by adding a version with a later effective date.
 */
export const BenefitPayment = z.object({
  period: z.string().describe('YYYY-MM (monthly) or YYYY (yearly / one-time)'),
  amountYuan: z.number(),
  paidAt: z.iso.datetime(),
});

export const BenefitItem = z.object({
  policyId: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  /** Plain-Chinese reasons for the yes or the no. */
  reasons: z.array(z.string()),
  amountYuanPerYear: z.number().optional(),
  amountYuanOneTime: z.number().optional(),
  amountConfirmed: z.boolean(),
  sourceNote: z.string(),
  enrolled: z.boolean(),
  enrolledAt: z.iso.datetime().optional(),
  payments: z.array(BenefitPayment),
});
export type BenefitItem = z.infer<typeof BenefitItem>;

export const MyBenefits = z.object({
  /** Evaluated for this date (Asia/Shanghai). */
  onDate: z.string(),
  /** Which facts were used: a special family's record, or only the user's own identity. */
  basis: z.enum(['special_family', 'identity', 'none']),
  items: z.array(BenefitItem),
  /** A special family's 重大疾病综合商业保险 cover, as staff recorded it (policy number masked). */
  criticalIllnessCover: CriticalIllnessCoverView.optional(),
});
export type MyBenefits = z.infer<typeof MyBenefits>;

/** Families per screening page: the default, and the most one page may ask for. */
export const screeningPageLimits = { default: 200, max: 500 } as const;

/**
 * A district is screened page by page: each page evaluates up to `limit`
 * families (in the district's record order) and answers `nextCursor` until the
 * last page. A screening is a read (plus audit entries) and enrols nothing, so
 * it is not idempotent: re-running a page simply screens it again.
 */
export const ScreeningRequest = z
  .object({
    district: DistrictCodeSchema,
    cursor: z
      .string()
      .min(1)
      .max(2048, '分页游标无效')
      .optional()
      .describe("The previous page's nextCursor (opaque, signed); absent for the first page"),
    limit: z
      .number({ error: 'limit 必须是数字' })
      .int('limit 必须是整数')
      .min(1, 'limit 最小为 1')
      .max(screeningPageLimits.max, `limit 最大为 ${screeningPageLimits.max}`)
      .default(screeningPageLimits.default)
      .describe('Families screened on this page'),
  })
  .describe(
    "One page of a district's 免申即享筛查: a district is screened page by page, following nextCursor",
  );

export const ScreeningItem = z.object({
  familyId: z.string(),
  familyLabel: z.string().describe('Masked: 失独家庭 张**、李**'),
  district: DistrictCodeSchema,
  policyId: z.string(),
  policyName: z.string(),
  reasons: z.array(z.string()),
  amountYuanPerYear: z.number().optional(),
  amountYuanOneTime: z.number().optional(),
});
export type ScreeningItem = z.infer<typeof ScreeningItem>;

export const ScreeningResult = z
  .object({
    id: z.string().describe('Names the run: the same on every page of it'),
    district: DistrictCodeSchema,
    onDate: z.string(),
    familiesScreened: z.number().int().describe('Families evaluated on this page'),
    alreadyEnrolled: z.number().int().describe("Eligible pairs of this page's families already enrolled"),
    /** Eligible and not enrolled: every (family, policy) pair of this page's families. */
    items: z.array(ScreeningItem),
    nextCursor: z
      .string()
      .nullable()
      .describe(
        'Send it back for the next page of the district; null on the last page (which may be empty when the district ends exactly on a full page)',
      ),
  })
  .describe("One page of a district's screening: the district is screened page by page");
export type ScreeningResult = z.infer<typeof ScreeningResult>;

export const EnrolmentRequest = z.object({
  district: DistrictCodeSchema,
  items: z
    .array(z.object({ familyId: z.string().min(1).max(64), policyId: z.string().min(1).max(64) }))
    .min(1, '请选择要纳入的家庭')
    .max(500, '一次最多纳入 500 项'),
});

export const EnrolmentResult = z.object({
  enrolled: z.number().int().describe('Newly enrolled now'),
  alreadyEnrolled: z.number().int(),
  /** Not eligible any more, or not in the district: never enrolled silently. */
  refused: z.array(z.object({ familyId: z.string(), policyId: z.string(), reason: z.string() })),
  notified: z.number().int().describe('Bound members told by message'),
});
export type EnrolmentResult = z.infer<typeof EnrolmentResult>;

export const PolicyVersionView = PolicyDefinition;

/**
 * One version of a policy as the public list shows it (decision 0033): who it
 * is for, the amount and whether it was checked against an official text, the
 * dates it applies between and the source note. The condition tree stays
 * inside the engine; `audience` says it in words.
 */
export const PolicyListItem = z.object({
  id: z.string(),
  name: z.string(),
  audience: z.string().describe('Who the policy is for, in plain Chinese'),
  kind: z.enum(policyKinds),
  amountYuan: z.number().nullable().describe('Per month, per year or once (kind); null: not entered yet'),
  amountBasis: z.enum(amountBases),
  amountConfirmed: z.boolean(),
  sourceNote: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  inForce: z.boolean().describe('This is the version that applies today (Asia/Shanghai)'),
});
export type PolicyListItem = z.infer<typeof PolicyListItem>;
export const PolicyList = z.object({
  onDate: z.string(),
  /** Every version of every policy, by policy id then effective date. */
  items: z.array(PolicyListItem),
});
export type PolicyList = z.infer<typeof PolicyList>;

/** A correction: a new version from `effectiveFrom`; the condition stays as in force unless given. */
export const PolicyVersionRequest = z.object({
  effectiveFrom: CalendarDate,
  amountYuan: z.number().nonnegative().max(1_000_000).nullable(),
  amountConfirmed: z.boolean(),
  sourceNote: z.string().trim().min(4, '请写明依据的文件').max(500),
  kind: z.enum(policyKinds).optional(),
});
export type PolicyVersionRequest = z.infer<typeof PolicyVersionRequest>;

export const myBenefits = defineRoute({
  operationId: 'myBenefits',
  method: 'GET',
  path: '/v1/me/benefits',
  summary: '我的待遇 Every policy: eligible or not and why, amount, enrolled, payments',
  tag: 'benefits',
  access: 'signedIn',
  owner: 'self',
  response: MyBenefits,
  personalData: true,
});

export const runBenefitScreening = defineRoute({
  operationId: 'runBenefitScreening',
  method: 'POST',
  path: '/v1/staff/benefit-screenings',
  summary: '免申即享筛查 Eligible families of a district not yet enrolled, with reasons, page by page',
  tag: 'benefits',
  access: ['staff'],
  owner: 'districtScope',
  body: ScreeningRequest,
  response: ScreeningResult,
});

export const enrolBenefits = defineRoute({
  operationId: 'enrolBenefits',
  method: 'POST',
  path: '/v1/staff/benefit-enrolments',
  summary: '批量纳入 Enrol screened families (each once) and notify them',
  tag: 'benefits',
  access: ['staff'],
  owner: 'districtScope',
  body: EnrolmentRequest,
  response: EnrolmentResult,
  idempotent: true,
});

export const listPolicies = defineRoute({
  operationId: 'listPolicies',
  method: 'GET',
  path: '/v1/policies',
  summary: '政策清单 Every version of every policy: who it is for, amounts, dates, confirmed or not, source',
  tag: 'benefits',
  access: 'public',
  owner: 'none',
  response: PolicyList,
  // The same for everyone and changed only by an admin's new version: a short shared cache is safe.
  cacheSeconds: 300,
});

export const addPolicyVersion = defineRoute({
  operationId: 'addPolicyVersion',
  method: 'POST',
  path: '/v1/admin/policies/{id}/versions',
  summary: '更正政策金额 A new version with a later effective date (never an edit in code)',
  tag: 'benefits',
  access: ['admin'],
  owner: 'none',
  params: z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, '政策编号不正确') }),
  body: PolicyVersionRequest,
  response: PolicyVersionView,
  successStatus: 201,
  idempotent: true,
});
