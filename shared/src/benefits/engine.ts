/**
 * The one rules engine for family benefits (SPEC C3): evaluates each policy's
 * condition tree against a family's facts on a date and explains every yes and
 * every no in plain Chinese. Pure: the caller passes the date. Amounts come
 * only from the policy data.
 *
 * Age boundaries: a parent is N on the Nth birthday (so eligible ON the day the
 * mother turns 49); a birthday on 29 Feb counts from 1 Mar, as `ageInYears`.
 */
import { daysBetween } from '../calendar/days';
import { ageInMonths } from '../childcare/age-classes';
import { ageInYears } from '../identity/id-number';
import type { Condition, ConditionLeaf, FactKey, LeafValue, PolicyDefinition, SchoolStage } from './policies';

export type FamilyKind = 'bereaved' | 'disabled' | 'none';
export type HukouType = 'urban' | 'rural';

export interface ChildFacts {
  /** Unknown for an only child recorded without it: counts as born before the event, never as youngest. */
  birthDate?: string;
  sex?: 'M' | 'F';
  alive: boolean;
  adopted: boolean;
  /** Date of adoption; for an adopted child without it the birth date is used. */
  adoptedOn?: string;
  /** The stage the child is studying at (阳光助学), as last recorded by staff. */
  schoolStage?: SchoolStage;
  /** Date the child was admitted to university (优秀女孩成才奖: within a year of it). */
  universityAdmittedOn?: string;
}

export interface FamilyFacts {
  /** bereaved: the only child died (失独); disabled: the only child is disabled grade 3 or worse (伤残). */
  familyKind: FamilyKind;
  /** Unknown (e.g. a user known only by their real-name binding): policies that need it say 未登记. */
  hukouType?: HukouType;
  motherBirthDate?: string;
  fatherBirthDate?: string;
  /** Unknown when undefined (not "no children"): policies that need it say 未登记, never "无子女". */
  children?: ChildFacts[];
  /** Date the only child died or the disability was certified. */
  childEventDate?: string;
  motherRetiredOn?: string;
  fatherRetiredOn?: string;
  /** Since when the members are insured by 城乡居民基本医疗保险 (医疗保险补助). */
  medicalInsuranceEnrolledOn?: string;
  /** Since when a member takes part in 城乡居民养老保险 (新农保补助). */
  ruralPensionEnrolledOn?: string;
}

export interface PolicyEvaluation {
  policyId: string;
  name: string;
  eligible: boolean;
  reasons: string[];
  /** Yuan a year for one beneficiary (see `amountBasis`), when eligible and known. */
  amountYuanPerYear?: number;
  /** Yuan paid once, for one-time policies, when eligible and known. */
  amountYuanOneTime?: number;
  amountConfirmed: boolean;
  sourceNote: string;
}

interface Outcome {
  pass: boolean;
  reasons: string[];
}

type FactValue = LeafValue | undefined;

/** Derived facts plus the wording of each leaf's yes and no. */
interface FactSpec {
  value(facts: FamilyFacts, onDate: string): FactValue;
  explain(leaf: ConditionLeaf, value: FactValue, pass: boolean, facts: FamilyFacts, onDate: string): string;
}

const familyKindNames: Record<string, string> = {
  bereaved: '失独家庭（独生子女死亡）',
  disabled: '伤残家庭（独生子女三级以上残疾）',
  none: '非计划生育特殊家庭',
};
const hukouNames: Record<string, string> = { urban: '城镇户籍', rural: '农村户籍' };
const childrenProfileNames: Record<string, string> = {
  none: '未生育子女',
  one_child: '只生育一个子女',
  two_daughters: '生育两个女孩',
  other: '生育子女情况不属于一孩或两女',
};

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date someone born on `birthDate` turns `years` (29 Feb → 1 Mar in common years). */
export function dateTurningAge(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(5);
  if (monthDay === '02-29' && !isLeapYear(year)) return `${year}-03-01`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** "2 年 3 个月", "3 个月" or "5 天": the time from `from` until `to` (to > from). */
export function describeWait(from: string, to: string): string {
  const months = ageInMonths(from, to);
  if (months <= 0) return `${daysBetween(from, to)} 天`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} 个月`;
  return rest === 0 ? `${years} 年` : `${years} 年 ${rest} 个月`;
}

function leafOperator(leaf: ConditionLeaf): {
  op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'in';
  target: unknown;
} {
  if ('gte' in leaf) return { op: 'gte', target: leaf.gte };
  if ('gt' in leaf) return { op: 'gt', target: leaf.gt };
  if ('lte' in leaf) return { op: 'lte', target: leaf.lte };
  if ('lt' in leaf) return { op: 'lt', target: leaf.lt };
  if ('eq' in leaf) return { op: 'eq', target: leaf.eq };
  return { op: 'in', target: leaf.in };
}

function testLeaf(leaf: ConditionLeaf, value: FactValue): boolean {
  if (value === undefined) return false;
  const { op, target } = leafOperator(leaf);
  switch (op) {
    case 'gte':
      return typeof value === 'number' && value >= (target as number);
    case 'gt':
      return typeof value === 'number' && value > (target as number);
    case 'lte':
      return typeof value === 'number' && value <= (target as number);
    case 'lt':
      return typeof value === 'number' && value < (target as number);
    case 'eq':
      return value === target;
    case 'in':
      return (target as LeafValue[]).includes(value);
  }
}

function expectedNames(leaf: ConditionLeaf, names: Record<string, string>): string {
  const { op, target } = leafOperator(leaf);
  const values = op === 'in' ? (target as LeafValue[]) : [target as LeafValue];
  return values.map((v) => names[String(v)] ?? String(v)).join('或');
}

function enumSpec(
  title: string,
  names: Record<string, string>,
  value: (facts: FamilyFacts) => FactValue,
): FactSpec {
  return {
    value,
    explain(leaf, actual, pass) {
      if (actual === undefined) return `未登记${title}，无法判断`;
      const actualName = names[String(actual)] ?? String(actual);
      if (pass) return `${title}：${actualName}`;
      return `此项政策适用于${expectedNames(leaf, names)}，本家庭为${actualName}`;
    },
  };
}

function parentAgeSpec(parent: '母亲' | '父亲', birth: (facts: FamilyFacts) => string | undefined): FactSpec {
  return {
    value: (facts, onDate) => {
      const birthDate = birth(facts);
      return birthDate === undefined ? undefined : ageInYears(birthDate, onDate);
    },
    explain(leaf, _value, pass, facts, onDate) {
      const { op, target } = leafOperator(leaf);
      const birthDate = birth(facts);
      if (op !== 'gte' || typeof target !== 'number') {
        return pass ? `${parent}年龄符合条件` : `${parent}年龄不符合条件`;
      }
      if (birthDate === undefined) return `未登记${parent}出生日期，无法判断是否年满${target}周岁`;
      const turns = dateTurningAge(birthDate, target);
      if (pass) return `${parent}已满${target}周岁（${turns} 满${target}周岁）`;
      return `${parent}年满${target}周岁后可享受（还差 ${describeWait(onDate, turns)}，${turns} 满${target}周岁）`;
    },
  };
}

/** Children born (not adopted) to the parents, dead or alive. */
function bornChildren(children: readonly ChildFacts[]): ChildFacts[] {
  return children.filter((c) => !c.adopted);
}

function childrenSinceEvent(facts: FamilyFacts): ChildFacts[] | undefined {
  const eventDate = facts.childEventDate;
  if (eventDate === undefined || facts.children === undefined) return undefined;
  return facts.children.filter((c) => {
    const arrived = c.adopted ? (c.adoptedOn ?? c.birthDate) : c.birthDate;
    return arrived !== undefined && arrived > eventDate;
  });
}

function retiredOn(facts: FamilyFacts, onDate: string): string | undefined {
  return [facts.motherRetiredOn, facts.fatherRetiredOn]
    .filter((d): d is string => d !== undefined && d <= onDate)
    .sort()[0];
}

function youngestLivingChild(
  facts: FamilyFacts,
  onDate: string,
): (ChildFacts & { birthDate: string }) | undefined {
  return (facts.children ?? [])
    .filter(
      (c): c is ChildFacts & { birthDate: string } =>
        c.alive && c.birthDate !== undefined && c.birthDate <= onDate,
    )
    .sort((a, b) => b.birthDate.localeCompare(a.birthDate))[0];
}

const schoolStageNames: Record<string, string> = {
  preschool: '学前教育',
  compulsory: '义务教育（小学、初中）',
  high_school: '高中阶段（含中职）',
  university: '大学（普通高校本专科）',
};
const stageOrder: readonly SchoolStage[] = ['preschool', 'compulsory', 'high_school', 'university'];

/** The highest stage a living child of the family studies at, when any is recorded. */
function highestSchoolStage(facts: FamilyFacts): SchoolStage | undefined {
  const stages = (facts.children ?? []).flatMap((c) => (c.alive && c.schoolStage ? [c.schoolStage] : []));
  return stages.sort((a, b) => stageOrder.indexOf(b) - stageOrder.indexOf(a))[0];
}

/** A living daughter admitted to university on or before `onDate`, less than a year ago. */
function admittedDaughter(facts: FamilyFacts, onDate: string): string | undefined {
  return (facts.children ?? [])
    .flatMap((c) => (c.alive && c.sex === 'F' && c.universityAdmittedOn ? [c.universityAdmittedOn] : []))
    .filter((on) => on <= onDate && onDate < dateTurningAge(on, 1))
    .sort()
    .reverse()[0];
}

/** A yes/no fact that holds from a recorded date on (an enrolment): says the date either way. */
function sinceSpec(title: string, since: (facts: FamilyFacts) => string | undefined): FactSpec {
  return {
    value: (facts, onDate) => {
      const on = since(facts);
      return on !== undefined && on <= onDate;
    },
    explain(_leaf, _value, pass, facts) {
      const on = since(facts);
      if (pass) return `已参加${title}（${on} 起）`;
      if (on !== undefined) return `参加${title}自 ${on} 起，届时可享受`;
      return `未登记参加${title}；参保后可携参保凭证到所在县区卫生健康委员会登记`;
    },
  };
}

const factSpecs: Record<FactKey, FactSpec> = {
  familyKind: enumSpec('家庭类别', familyKindNames, (f) => f.familyKind),
  hukouType: enumSpec('户籍', hukouNames, (f) => f.hukouType),
  childrenProfile: enumSpec('生育情况', childrenProfileNames, (facts) => {
    if (facts.children === undefined) return undefined;
    const born = bornChildren(facts.children);
    if (born.length === 0) return 'none';
    if (born.length === 1) return 'one_child';
    if (born.length === 2 && born.every((c) => c.sex === 'F')) return 'two_daughters';
    return 'other';
  }),
  motherAge: parentAgeSpec('母亲', (f) => f.motherBirthDate),
  fatherAge: parentAgeSpec('父亲', (f) => f.fatherBirthDate),
  livingChildren: {
    value: (facts) => facts.children?.filter((c) => c.alive).length,
    explain(_leaf, value, pass) {
      if (value === undefined) return '未登记子女情况，无法判断';
      return pass ? '现无存活子女' : `现有存活子女 ${value} 人，不符合条件`;
    },
  },
  childrenSinceEvent: {
    value: (facts) => childrenSinceEvent(facts)?.length,
    explain(_leaf, value, pass, facts) {
      if (facts.childEventDate === undefined) {
        return '未登记独生子女死亡或伤残的日期，无法判断之后是否再生育或收养';
      }
      if (value === undefined) return '未登记子女情况，无法判断之后是否再生育或收养';
      if (pass) return '独生子女死亡或伤残后未再生育或收养子女';
      return `独生子女死亡或伤残后又生育或收养子女 ${value} 人，不符合条件`;
    },
  },
  anyParentRetired: {
    value: (facts, onDate) => retiredOn(facts, onDate) !== undefined,
    explain(_leaf, _value, pass, facts, onDate) {
      if (pass) return `父母一方已退休（${retiredOn(facts, onDate)} 退休）`;
      return '父母退休时可领取（尚未登记退休）';
    },
  },
  youngestChildAgeMonths: {
    value(facts, onDate) {
      const child = youngestLivingChild(facts, onDate);
      return child === undefined ? undefined : ageInMonths(child.birthDate, onDate);
    },
    explain(leaf, value, pass, facts) {
      const { target } = leafOperator(leaf);
      const limit = typeof target === 'number' ? target : 36;
      const years = limit % 12 === 0 ? `${limit / 12}周岁` : `${limit}个月`;
      if (facts.children === undefined) return '未登记子女出生日期，无法判断';
      if (value === undefined) return `没有未满${years}的子女`;
      if (pass) return `有未满${years}的子女（最小的孩子 ${value} 个月）`;
      return `没有未满${years}的子女（最小的孩子 ${value} 个月）`;
    },
  },
  schoolChildStage: {
    value: (facts) => highestSchoolStage(facts),
    explain(leaf, value, pass) {
      if (value === undefined)
        return '未登记子女在读学段；子女入学后可携在读证明到所在县区卫生健康委员会登记';
      const actual = schoolStageNames[String(value)] ?? String(value);
      if (pass) return `子女在读：${actual}`;
      return `此项政策适用于就读${expectedNames(leaf, schoolStageNames)}的子女，登记的子女在读${actual}`;
    },
  },
  daughterAdmittedToUniversity: {
    value: (facts, onDate) => admittedDaughter(facts, onDate) !== undefined,
    explain(_leaf, _value, pass, facts, onDate) {
      const admitted = admittedDaughter(facts, onDate);
      if (pass) return `女儿已考入大学（${admitted} 录取），录取一年内可享受`;
      const dates = (facts.children ?? []).flatMap((c) =>
        c.alive && c.sex === 'F' && c.universityAdmittedOn ? [c.universityAdmittedOn] : [],
      );
      const later = dates.filter((on) => on > onDate).sort()[0];
      if (later !== undefined) return `女儿 ${later} 录取，届时可享受`;
      const earlier = dates.sort().reverse()[0];
      if (earlier !== undefined) return `女儿 ${earlier} 录取，已超过录取后一年的申领期限`;
      return '未登记女儿考入大学；收到录取通知书后可携通知书到所在县区卫生健康委员会登记';
    },
  },
  medicalInsuranceEnrolled: sinceSpec('城乡居民基本医疗保险', (f) => f.medicalInsuranceEnrolledOn),
  ruralPensionEnrolled: sinceSpec('城乡居民养老保险（新农保）', (f) => f.ruralPensionEnrolledOn),
};

function evaluateCondition(condition: Condition, facts: FamilyFacts, onDate: string): Outcome {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluateCondition(c, facts, onDate));
    return { pass: parts.every((p) => p.pass), reasons: parts.flatMap((p) => p.reasons) };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluateCondition(c, facts, onDate));
    const passed = parts.filter((p) => p.pass);
    if (passed.length > 0) return { pass: true, reasons: passed.flatMap((p) => p.reasons) };
    const failed = parts.flatMap((p) => p.reasons);
    return { pass: false, reasons: [`以下条件满足其一即可，目前均不满足：${failed.join('；')}`] };
  }
  const spec = factSpecs[condition.fact];
  const value = spec.value(facts, onDate);
  const pass = testLeaf(condition, value);
  return { pass, reasons: [spec.explain(condition, value, pass, facts, onDate)] };
}

/**
 * The version of each policy id in force on `onDate`; when none is, the
 * nearest one (the next to come, else the last expired) so the answer can say why.
 */
function versionsOn(policies: readonly PolicyDefinition[], onDate: string): PolicyDefinition[] {
  const byId = new Map<string, PolicyDefinition[]>();
  for (const p of policies) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  return [...byId.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const started = sorted.filter((p) => p.effectiveFrom <= onDate);
    const current = started[started.length - 1];
    if (current !== undefined) return current;
    return sorted[0] as PolicyDefinition;
  });
}

function evaluateOne(policy: PolicyDefinition, facts: FamilyFacts, onDate: string): PolicyEvaluation {
  const base = {
    policyId: policy.id,
    name: policy.name,
    amountConfirmed: policy.amountConfirmed,
    sourceNote: policy.sourceNote,
  };
  if (onDate < policy.effectiveFrom) {
    return { ...base, eligible: false, reasons: [`此项政策自 ${policy.effectiveFrom} 起施行`] };
  }
  if (policy.effectiveTo !== null && onDate > policy.effectiveTo) {
    return { ...base, eligible: false, reasons: [`此项政策已于 ${policy.effectiveTo} 停止执行`] };
  }
  const outcome = evaluateCondition(policy.condition, facts, onDate);
  const result: PolicyEvaluation = { ...base, eligible: outcome.pass, reasons: outcome.reasons };
  if (outcome.pass && policy.amountYuan !== null) {
    if (policy.kind === 'monthly') result.amountYuanPerYear = policy.amountYuan * 12;
    else if (policy.kind === 'yearly') result.amountYuanPerYear = policy.amountYuan;
    else result.amountYuanOneTime = policy.amountYuan;
  }
  if (outcome.pass && policy.amountYuan === null) result.reasons.push('发放金额待核实，工作人员将另行告知');
  return result;
}

/** Evaluates every policy (one result per policy id, the version in force on `onDate`). */
export function evaluatePolicies(
  facts: FamilyFacts,
  policies: readonly PolicyDefinition[],
  onDate: string,
): PolicyEvaluation[] {
  return versionsOn(policies, onDate).map((policy) => evaluateOne(policy, facts, onDate));
}
