/**
 * 生育友好政策 (issue 15, item 10): what a family in Jiangxi can count on around
 * a birth — 生育保险, 产假/陪产假/育儿假, 育儿补贴 and childcare support — as
 * data: each with its source, the date it applies from, whether we checked it
 * against the official text, and what the family can do next in the app.
 *
 * `confirmed: false` means the figure comes from our reading of the named
 * provincial text and has not been checked against its published version; the
 * page says so beside it (decision 0033), as the benefit policies do.
 */

/** Services of the app an item leads to (the mini-program maps each to its page). */
export const familyPolicyActions = [
  'subsidies',
  'birthBundle',
  'registration',
  'childcare',
  'servicePoints',
] as const;
export type FamilyPolicyAction = (typeof familyPolicyActions)[number];

export interface FamilyFriendlyPolicy {
  id: string;
  /** 生育保险, 假期, 补贴, 托育: groups the page's sections. */
  topic: 'insurance' | 'leave' | 'subsidy' | 'childcare';
  title: string;
  /** One line a parent reads first. */
  summary: string;
  /** The facts, one per line, in plain Chinese. */
  points: string[];
  effectiveFrom: string;
  source: string;
  confirmed: boolean;
  /** What to do next, in the app: the label shown and the service it opens. */
  next: { label: string; action: FamilyPolicyAction }[];
}

const checkProvince = '请以江西省人民代表大会常务委员会公布的条例原文为准';

export const familyFriendlyPolicies: FamilyFriendlyPolicy[] = [
  {
    id: 'maternity-insurance',
    topic: 'insurance',
    title: '生育保险',
    summary: '参加职工生育保险的，生育医疗费用按规定报销，休产假期间领取生育津贴。',
    points: [
      '生育医疗费用：产前检查、分娩住院等按规定由生育保险基金支付。',
      '生育津贴：按用人单位上年度职工月平均工资计发，发放天数与产假天数相同，由单位或本人申领。',
      '生育保险与职工基本医疗保险合并实施，参加职工医保即同时参加生育保险。',
    ],
    effectiveFrom: '2011-07-01',
    source:
      '《中华人民共和国社会保险法》第六章（2011 年 7 月 1 日起施行）；国务院办公厅《关于全面推进生育保险和职工基本医疗保险合并实施的意见》（2019 年）',
    confirmed: true,
    next: [{ label: '出生一件事：一次申请医保、社保卡等', action: 'birthBundle' }],
  },
  {
    id: 'maternity-leave',
    topic: 'leave',
    title: '产假',
    summary: '女职工生育享受国家规定的 98 天产假；江西省另延长产假 90 天。',
    points: [
      '国家规定：产假 98 天，其中产前可休 15 天；难产增加 15 天，多胞胎每多一个婴儿增加 15 天。',
      '江西省：符合法律法规规定生育子女的，女方在国家规定产假基础上延长产假 90 天。',
      '产假期间工资或生育津贴照发，不影响晋升和考核。',
    ],
    effectiveFrom: '2021-11-19',
    source: `《女职工劳动保护特别规定》（2012 年 4 月 28 日起施行）；《江西省人口与计划生育条例》（2021 年 11 月修正）。延长天数未核对条例公布文本，${checkProvince}`,
    confirmed: false,
    next: [{ label: '办理生育登记', action: 'registration' }],
  },
  {
    id: 'paternity-leave',
    topic: 'leave',
    title: '陪产假（护理假）',
    summary: '江西省：女方生育时，男方享受陪产假 30 天。',
    points: ['陪产假期间工资照发，视为出勤。'],
    effectiveFrom: '2021-11-19',
    source: `《江西省人口与计划生育条例》（2021 年 11 月修正）。天数未核对条例公布文本，${checkProvince}`,
    confirmed: false,
    next: [{ label: '办理生育登记', action: 'registration' }],
  },
  {
    id: 'parental-leave',
    topic: 'leave',
    title: '育儿假',
    summary: '江西省：子女 3 周岁以下的，夫妻双方每年各享受育儿假 10 天。',
    points: ['育儿假期间工资照发。'],
    effectiveFrom: '2021-11-19',
    source: `《江西省人口与计划生育条例》（2021 年 11 月修正）。天数未核对条例公布文本，${checkProvince}`,
    confirmed: false,
    next: [],
  },
  {
    id: 'childcare-subsidy',
    topic: 'subsidy',
    title: '育儿补贴',
    summary: '3 周岁以下的孩子，每孩每年 3600 元，按孩子在户籍所在县区申领。',
    points: [
      '2025 年 1 月 1 日前出生、仍未满 3 周岁的孩子，按未满 3 周岁的月数折算。',
      '审核一般不超过 30 个工作日，每年提醒续领。',
    ],
    effectiveFrom: '2025-01-01',
    source: '国家育儿补贴制度（2025 年起施行）；江西省发放细则以省文件为准',
    confirmed: true,
    next: [{ label: '申请育儿补贴', action: 'subsidies' }],
  },
  {
    id: 'infant-care-tax-deduction',
    topic: 'subsidy',
    title: '3 岁以下婴幼儿照护个人所得税专项附加扣除',
    summary: '照护 3 周岁以下婴幼儿的父母，每孩每月共可扣除 2000 元。',
    points: ['可由父母一方全额扣除，或双方各扣除一半，在个人所得税 App 中填报。'],
    effectiveFrom: '2023-01-01',
    source:
      '《国务院关于提高个人所得税有关专项附加扣除标准的通知》（国发〔2023〕13 号，2023 年 1 月 1 日起施行）',
    confirmed: true,
    next: [],
  },
  {
    id: 'affordable-childcare',
    topic: 'childcare',
    title: '普惠托育服务',
    summary: '南昌市发展普惠托育：价格较低的托位可在本程序中就近查找和预约。',
    points: ['托育机构须在卫生健康部门备案；普惠托位收费不超过当地公布的标准。'],
    effectiveFrom: '2021-01-01',
    source: '南昌市 2021 年人口和计划生育工作方案（普惠托育服务）；普惠收费标准以各县区公布的文件为准',
    confirmed: false,
    next: [
      { label: '查找附近的托育机构', action: 'childcare' },
      { label: '查找就近服务网点', action: 'servicePoints' },
    ],
  },
];
