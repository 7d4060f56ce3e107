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
  // Facts of the named policies (decision 0033): recorded by staff on the family's record.
  'schoolChildStage',
  'daughterAdmittedToUniversity',
  'medicalInsuranceEnrolled',
  'ruralPensionEnrolled',
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
    /**
     * Who the policy is for, in plain Chinese (GET /v1/policies). Optional so versions stored
     * before it existed still parse; the list fills it from the shipped version.
     */
    audience: z.string().min(1).max(200).optional(),
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

/** School stages a child's record can carry (阳光助学). */
export const schoolStages = ['preschool', 'compulsory', 'high_school', 'university'] as const;
export type SchoolStage = (typeof schoolStages)[number];

const namedPlanPolicyNote =
  '南昌市 2021 年人口和计划生育工作方案列出此项，发放标准与起始日期尚未核对江西省、南昌市原文';

/**
 * Families the plan's named policies call 计生家庭: a special family (失独/伤残),
 * or a rural family with one child or two daughters (the 奖励扶助 families).
 */
const planFamily: Condition = {
  any: [
    { fact: 'familyKind', in: ['bereaved', 'disabled'] },
    {
      all: [
        { fact: 'hukouType', eq: 'rural' },
        { fact: 'childrenProfile', in: ['one_child', 'two_daughters'] },
      ],
    },
  ],
};

/** The rural 计生 families (奖励扶助's household rule). */
const ruralPlanFamily: Condition[] = [
  { fact: 'hukouType', eq: 'rural' },
  { fact: 'childrenProfile', in: ['one_child', 'two_daughters'] },
];

/**
 * The five policies the city's 2021 work plan names besides the four above
 * (decision 0033). Every amount and start date is unconfirmed: the plan names
 * them, no public Jiangxi / Nanchang text we could read gives the figures.
 */
export const namedPlanPolicies: PolicyDefinition[] = [
  {
    id: 'sunshine-schooling-aid',
    name: '计划生育家庭子女阳光助学',
    audience: '计划生育特殊家庭或农村独生子女、双女家庭中就读高中（含中职）或大学的子女',
    kind: 'yearly',
    amountYuan: null,
    amountBasis: 'per_child',
    amountConfirmed: false,
    sourceNote: `${namedPlanPolicyNote}；按学段（高中、大学）分档的每生每年标准待录入；${confirmWithProvince}。`,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    condition: { all: [planFamily, { fact: 'schoolChildStage', in: ['high_school', 'university'] }] },
  },
  {
    id: 'free-health-check',
    name: '计划生育特殊家庭成员免费体检',
    audience: '计划生育特殊家庭（失独、伤残）的夫妻，每年一次',
    kind: 'yearly',
    amountYuan: null,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `${namedPlanPolicyNote}；为每年一次的免费体检服务，不发放现金，体检项目与定点医院待录入；${confirmWithProvince}。`,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    condition: { fact: 'familyKind', in: ['bereaved', 'disabled'] },
  },
  {
    id: 'medical-insurance-aid',
    name: '计划生育特殊家庭医疗保险补助',
    audience: '已参加城乡居民基本医疗保险的计划生育特殊家庭夫妻',
    kind: 'yearly',
    amountYuan: null,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `${namedPlanPolicyNote}；个人缴费部分的补助标准待录入；${confirmWithProvince}。`,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    condition: {
      all: [
        { fact: 'familyKind', in: ['bereaved', 'disabled'] },
        { fact: 'medicalInsuranceEnrolled', eq: true },
      ],
    },
  },
  {
    id: 'rural-pension-top-up',
    name: '农村计划生育家庭增加和提前享受新农保补助',
    audience: '参加城乡居民养老保险、只生育一个子女或两个女孩、一方年满 55 周岁的农村户籍夫妻',
    kind: 'monthly',
    amountYuan: null,
    amountBasis: 'per_person',
    amountConfirmed: false,
    sourceNote: `${namedPlanPolicyNote}；提前享受的年龄（此处按 55 周岁）与每月增发标准均待核实；${confirmWithProvince}。`,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    condition: {
      all: [
        ...ruralPlanFamily,
        { fact: 'ruralPensionEnrolled', eq: true },
        {
          any: [
            { fact: 'fatherAge', gte: 55 },
            { fact: 'motherAge', gte: 55 },
          ],
        },
      ],
    },
  },
  {
    id: 'outstanding-girl-award',
    name: '计划生育家庭优秀女孩成才奖',
    audience: '农村独生子女、双女家庭中当年考入大学（普通高校本专科）的女孩',
    kind: 'one_time',
    amountYuan: null,
    amountBasis: 'per_child',
    amountConfirmed: false,
    sourceNote: `${namedPlanPolicyNote}；奖励金额待录入，录取当年内（录取之日起一年）可享受；${confirmWithProvince}。`,
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    condition: { all: [...ruralPlanFamily, { fact: 'daughterAdmittedToUniversity', eq: true }] },
  },
];

export const seedPolicies: PolicyDefinition[] = [
  {
    id: 'special-assistance-bereaved',
    name: '计划生育家庭特别扶助（独生子女死亡家庭）',
    audience: '独生子女死亡、未再生育或收养子女、女方年满 49 周岁的夫妻',
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
    audience: '独生子女三级以上残疾、未再生育或收养子女、女方年满 49 周岁的夫妻',
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
    audience: '只生育一个子女或两个女孩、年满 60 周岁的农村户籍夫妻',
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
    audience: '只生育一个子女、已退休的城镇户籍父母',
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
    audience: '独生子女死亡、未再生育或收养子女的家庭',
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
    audience: '3 周岁以下婴幼儿（按孩子申领）',
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
  ...namedPlanPolicies,
];
