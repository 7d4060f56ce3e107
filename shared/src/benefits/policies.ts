import * as z from 'zod';

/**
 * Family benefit policies as data (SPEC C3, C2 育儿补贴). A policy is one
 * version in force from `effectiveFrom` to `effectiveTo` (inclusive); staff
 * correct an amount by adding a new version of the same `id` with a later
 * `effectiveFrom`, never by changing code. The rules engine (engine.ts) picks
 * the version in force on the evaluation date and reads the amount from it.
 *
 * Where an amount has not been confirmed from an official text the data says
 * so: `amountConfirmed: false`, and `sourceNote` tells staff what to check.
 */

/** Facts a condition leaf can test; engine.ts derives them from `FamilyFacts`. */
export const factKeys = [
  'familyKind',
  'hukouType',
  'motherAge',
  'fatherAge',
  'childrenProfile',
  'livingChildren',
  'childrenSinceEvent',
  'anyParentRetired',
  'youngestChildAgeMonths',
] as const;
export type FactKey = (typeof factKeys)[number];

export type LeafValue = string | number | boolean;

/** A leaf predicate: exactly one operator per leaf, e.g. `{ fact: 'motherAge', gte: 49 }`. */
export type ConditionLeaf = { fact: FactKey } & (
  | { gte: number }
  | { gt: number }
  | { lte: number }
  | { lt: number }
  | { eq: LeafValue }
  | { in: LeafValue[] }
);

/** `all`: every part must hold; `any`: at least one part must hold. */
export type Condition = { all: Condition[] } | { any: Condition[] } | ConditionLeaf;

const leafValue = z.union([z.string(), z.number(), z.boolean()]);
const factKey = z.enum(factKeys);

export const ConditionLeafSchema = z.union([
  z.object({ fact: factKey, gte: z.number() }).strict(),
  z.object({ fact: factKey, gt: z.number() }).strict(),
  z.object({ fact: factKey, lte: z.number() }).strict(),
  z.object({ fact: factKey, lt: z.number() }).strict(),
  z.object({ fact: factKey, eq: leafValue }).strict(),
  z.object({ fact: factKey, in: z.array(leafValue).min(1) }).strict(),
]);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    ConditionLeafSchema,
  ]),
);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const policyKinds = ['monthly', 'yearly', 'one_time'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** Who one `amountYuan` is paid to. */
export const amountBases = ['per_person', 'per_family', 'per_child'] as const;

export const PolicyDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    name: z.string().min(1),
    kind: z.enum(policyKinds),
    /** Yuan per month (monthly), per year (yearly) or once (one_time); null when not known yet. */
    amountYuan: z.number().nonnegative().nullable(),
    amountBasis: z.enum(amountBases),
    amountConfirmed: z.boolean(),
    sourceNote: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    condition: ConditionSchema,
    /** Numbers a specific calculator needs besides the amount (e.g. 育儿补贴 untilAgeMonths). */
    parameters: z.record(z.string(), z.number()).optional(),
  })
  .refine((p) => p.effectiveTo === null || p.effectiveTo >= p.effectiveFrom, {
    message: '失效日期不能早于生效日期',
    path: ['effectiveTo'],
  })
  .refine((p) => p.amountYuan !== null || !p.amountConfirmed, {
    message: '金额未填写时不能标记为已核实',
    path: ['amountConfirmed'],
  });
export type PolicyDefinition = z.infer<typeof PolicyDefinition>;

const confirmWithProvince = '请以江西省及南昌市现行文件为准核实后更新';

/** The 特别扶助 rule shared by 失独 and 伤残 families: mother ≥ 49, no child born or adopted since. */
const specialAssistanceCommon: Condition[] = [
  { fact: 'motherAge', gte: 49 },
  { fact: 'childrenSinceEvent', eq: 0 },
];

export const seedPolicies: PolicyDefinition[] = [
  {
    id: 'special-assistance-bereaved',
    name: '计划生育家庭特别扶助（独生子女死亡家庭）',
    kind: 'monthly',
    amountYuan: 720,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `按国家特别扶助标准（独生子女死亡家庭每人每月）录入，未核对官方原文；${confirmWithProvince}。`,
    effectiveFrom: '2007-01-01',
    effectiveTo: null,
    condition: {
      all: [
        { fact: 'familyKind', eq: 'bereaved' },
        ...specialAssistanceCommon,
        { fact: 'livingChildren', eq: 0 },
      ],
    },
  },
  {
    id: 'special-assistance-disabled',
    name: '计划生育家庭特别扶助（独生子女伤残家庭）',
    kind: 'monthly',
    amountYuan: 590,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `按国家特别扶助标准（独生子女三级以上残疾家庭每人每月）录入，未核对官方原文；${confirmWithProvince}。`,
    effectiveFrom: '2007-01-01',
    effectiveTo: null,
    condition: { all: [{ fact: 'familyKind', eq: 'disabled' }, ...specialAssistanceCommon] },
  },
  {
    id: 'rural-family-reward',
    name: '农村部分计划生育家庭奖励扶助',
    kind: 'yearly',
    amountYuan: 960,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `按国家奖励扶助基础标准每人每年 960 元（每月 80 元）录入，近年可能已上调；${confirmWithProvince}。`,
    effectiveFrom: '2004-01-01',
    effectiveTo: null,
    condition: {
      all: [
        { fact: 'hukouType', eq: 'rural' },
        { fact: 'childrenProfile', in: ['one_child', 'two_daughters'] },
        {
          any: [
            { fact: 'fatherAge', gte: 60 },
            { fact: 'motherAge', gte: 60 },
          ],
        },
      ],
    },
  },
  {
    id: 'urban-only-child-parent-reward',
    name: '城镇独生子女父母奖励',
    kind: 'one_time',
    amountYuan: null,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `退休时一次性发放，金额由省级文件规定，尚未录入；${confirmWithProvince}。`,
    effectiveFrom: '2004-01-01',
    effectiveTo: null,
    condition: {
      all: [
        { fact: 'hukouType', eq: 'urban' },
        { fact: 'childrenProfile', eq: 'one_child' },
        { fact: 'anyParentRetired', eq: true },
      ],
    },
  },
  {
    id: 'one-time-consolation',
    name: '计划生育特殊家庭一次性扶慰金',
    kind: 'one_time',
    amountYuan: null,
    amountBasis: 'per_family',
    amountConfirmed: false,
    sourceNote: `独生子女死亡家庭一次性发放，金额由省级文件规定，尚未录入；${confirmWithProvince}。`,
    effectiveFrom: '2004-01-01',
    effectiveTo: null,
    condition: {
      all: [
        { fact: 'familyKind', eq: 'bereaved' },
        { fact: 'livingChildren', eq: 0 },
        { fact: 'childrenSinceEvent', eq: 0 },
      ],
    },
  },
  {
    id: 'childcare-subsidy',
    name: '育儿补贴',
    kind: 'yearly',
    amountYuan: 3600,
    amountBasis: 'per_child',
    amountConfirmed: true,
    sourceNote:
      '国家育儿补贴制度：自 2025 年 1 月 1 日起，对 3 周岁以下婴幼儿按每孩每年 3600 元发放；2025 年 1 月 1 日前出生、未满 3 周岁的按应补贴月数折算。发放细则请以江西省文件为准。',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    condition: { fact: 'youngestChildAgeMonths', lt: 36 },
    parameters: { untilAgeMonths: 36 },
  },
];
