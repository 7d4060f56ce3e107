import {
  type BenefitItem,
  evaluatePolicies,
  type FamilyFacts,
  type MyBenefits,
  type PolicyDefinition,
  type PolicyEvaluation,
} from '@hongjia/shared';
import { isChildcarePolicy } from './scope';

/** What the family's page shows (pure): each evaluation with its enrolment and payments. */
export interface EnrolmentRecord {
  policyId: string;
  enrolledAt: string;
}

export interface PaymentRecord {
  policyId: string;
  period: string;
  amountYuan: number;
  paidAt: string;
}

export const bindFirstReason = '请先完成实名认证，系统才能按您的家庭情况判断能否享受';
const registerFamilyHint =
  '以上按您的实名信息判断，家庭情况尚未登记；如属计划生育特殊家庭，请联系所在县区卫生健康委员会登记';
const childcareHint = '育儿补贴按孩子申领：可在「我的 · 育儿补贴」中为 3 周岁以下的孩子申请';

function toItem(
  evaluation: PolicyEvaluation,
  enrolments: readonly EnrolmentRecord[],
  payments: readonly PaymentRecord[],
): BenefitItem {
  const enrolment = enrolments.find((e) => e.policyId === evaluation.policyId);
  return {
    ...evaluation,
    enrolled: enrolment !== undefined,
    ...(enrolment ? { enrolledAt: enrolment.enrolledAt } : {}),
    payments: payments
      .filter((p) => p.policyId === evaluation.policyId)
      .map(({ period, amountYuan, paidAt }) => ({ period, amountYuan, paidAt }))
      .sort((a, b) => b.paidAt.localeCompare(a.paidAt)),
  };
}

/** A special-family member: the record's facts; the policies given are already without 育儿补贴. */
export function specialFamilyBenefits(
  facts: FamilyFacts,
  policies: readonly PolicyDefinition[],
  onDate: string,
  enrolments: readonly EnrolmentRecord[],
  payments: readonly PaymentRecord[],
): MyBenefits {
  const items = evaluatePolicies(facts, policies, onDate).map((e) => toItem(e, enrolments, payments));
  return { onDate, basis: 'special_family', items };
}

/**
 * Bound by real name, on no record: what the person's own facts can decide;
 * a no also says where the missing facts come from.
 */
export function identityBenefits(
  facts: FamilyFacts,
  policies: readonly PolicyDefinition[],
  onDate: string,
): MyBenefits {
  const items = evaluatePolicies(facts, policies, onDate).map((evaluation) => {
    if (evaluation.eligible) return toItem(evaluation, [], []);
    const hint = isChildcarePolicy(evaluation.policyId) ? childcareHint : registerFamilyHint;
    return toItem({ ...evaluation, reasons: [...evaluation.reasons, hint] }, [], []);
  });
  return { onDate, basis: 'identity', items };
}

/** Not bound: nothing can be judged yet; every policy says to bind first (no amounts). */
export function notBoundBenefits(policies: readonly PolicyDefinition[], onDate: string): MyBenefits {
  const items = evaluatePolicies({ familyKind: 'none' }, policies, onDate).map(
    ({ amountYuanPerYear: _perYear, amountYuanOneTime: _once, ...evaluation }) =>
      toItem({ ...evaluation, eligible: false, reasons: [bindFirstReason] }, [], []),
  );
  return { onDate, basis: 'none', items };
}
